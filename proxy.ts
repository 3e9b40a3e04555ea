import { withAuth } from "next-auth/middleware";

// An early redirect to sign-in for console pages. Not the security boundary: every page and
// route handler checks the session and role itself (lib/auth/session.ts).
export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/((?!api/|_next/|metrics|sign-in|favicon.ico|.*\\.(?:svg|png|ico|woff2?)$).*)"],
};
