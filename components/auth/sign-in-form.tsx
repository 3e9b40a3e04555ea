"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";

/** Only same-origin paths are followed after sign-in, never another site or the sign-in page itself. */
function safeDestination(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError("Enter your e-mail and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { redirect: false, email: email.trim(), password });
      if (!res || res.error || !res.ok) {
        setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Wrong e-mail or password.");
        setPending(false);
        return;
      }
      router.replace(safeDestination(callbackUrl));
      router.refresh();
    } catch {
      setError("Warden could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="rounded-lg border border-zinc-200 bg-surface px-6 py-6 shadow-sm">
      <h1 className="text-base font-semibold text-zinc-900">Sign in</h1>
      <p className="mt-0.5 text-[13px] text-zinc-500">Use the account an admin created for you.</p>
      <form noValidate onSubmit={onSubmit} className="mt-5 space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        <div>
          <Label htmlFor="email" className="mb-1">
            E-mail
          </Label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            autoFocus
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div>
          <Label htmlFor="password" className="mb-1">
            Password
          </Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <Button type="submit" variant="primary" pending={pending} className="w-full">
          Sign in
        </Button>
      </form>
    </div>
  );
}
