import { AccessMessage } from "@/components/shell/access-message";

export default function ActionTypeNotFound() {
  return (
    <AccessMessage code="404" title="Action type not found" back={{ href: "/action-types", label: "All action types" }}>
      No action type has this key. Types are registered the first time an agent asks to perform them.
    </AccessMessage>
  );
}
