import { AccessMessage } from "@/components/shell/access-message";

export default function AgentNotFound() {
  return (
    <AccessMessage code="404" title="Agent not found" back={{ href: "/agents", label: "All agents" }}>
      No agent has this ID. It may have been removed, or the link may be mistyped.
    </AccessMessage>
  );
}
