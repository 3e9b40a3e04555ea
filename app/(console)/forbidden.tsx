import { AccessMessage } from "@/components/shell/access-message";

// Shown inside the console shell when a page's requirePageActor(role) refuses this user.
export default function ConsoleForbidden() {
  return (
    <AccessMessage code="403" title="You don't have access to this page">
      Your role doesn&apos;t include this page. If you need it, ask an admin to change your role.
    </AccessMessage>
  );
}
