import { AccessMessage } from "@/components/shell/access-message";

export default function AutonomyTypeNotFound() {
  return (
    <AccessMessage code="404" title="Action type not found" back={{ href: "/autonomy", label: "Autonomy board" }}>
      No action type has this key. Types are registered the first time an agent asks to perform them.
    </AccessMessage>
  );
}
