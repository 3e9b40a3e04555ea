import { AccessMessage } from "@/components/shell/access-message";

export default function IncidentNotFound() {
  return (
    <AccessMessage code="404" title="Incident not found">
      No incident has this ID. The link may be mistyped.
    </AccessMessage>
  );
}
