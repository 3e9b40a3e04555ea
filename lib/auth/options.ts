import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { DomainError } from "../errors";
import { clientAddressFrom } from "../net/client-address";
import { signInWithPassword, type SignedIn } from "./sign-in";

// JWT sessions carry the user id and the stamp of the password they signed in with; role,
// disabled state and the current password stamp are re-read from the database on every request
// (lib/auth/session.ts), so a role change, a disable or a password reset takes effect at once.
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // Only the address Warden's server resolved; X-Forwarded-For is the client's to forge.
        const ip = clientAddressFrom(req?.headers);
        try {
          const actor = await signInWithPassword(getDb(), { email: credentials?.email, password: credentials?.password, ip });
          return { id: actor.id, email: actor.email, name: actor.name, passwordStamp: actor.passwordStamp };
        } catch (err) {
          // next-auth passes the message to the sign-in page as `error`.
          if (err instanceof DomainError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // Not `iat`: next-auth re-issues the token (a new iat) whenever the session is read.
        token.passwordStamp = (user as Partial<SignedIn>).passwordStamp ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      (session as { passwordStamp?: number }).passwordStamp = typeof token.passwordStamp === "number" ? token.passwordStamp : 0;
      return session;
    },
  },
};
