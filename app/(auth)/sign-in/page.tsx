import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl } = await searchParams;
  return <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />;
}
