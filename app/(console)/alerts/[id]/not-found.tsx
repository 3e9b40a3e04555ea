import { AccessMessage } from "@/components/shell/access-message";

export default function ChannelNotFound() {
  return (
    <AccessMessage code="404" title="Channel not found">
      No alert channel has this ID. It may have been deleted.
    </AccessMessage>
  );
}
