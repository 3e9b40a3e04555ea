import { AccessMessage } from "@/components/shell/access-message";

export default function ActionNotFound() {
  return (
    <AccessMessage code="404" title="Action not found">
      No action has this ID. The link may be mistyped.
    </AccessMessage>
  );
}
