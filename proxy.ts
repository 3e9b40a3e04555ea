import { withAuth } from "next-auth/middleware";

// An early redirect to sign-in for console pages. Not the security boundary: every page and
// route handler checks the session and role itself (lib/auth/session.ts).
export default withAuth({ pages: { signIn: "/sign-in" } });

// Static files pass without a session: the icon and the Open Graph image (public/) are fetched
// by browsers on the sign-in page and by link previews, which never sign in.
export const config = {
  matcher: ["/((?!api/|_next/|metrics|sign-in|favicon.ico|.*\\.(?:svg|png|ico|woff2?)$).*)"],
};
