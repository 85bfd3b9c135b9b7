import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/auth/next-path";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  return (
    <>
      <PageHeader title="Sign in">
        <p>Engineers and admins sign in to use the studio, raters to rate; an admin can send you an invite link if you have no account.</p>
        {env().demoSeed ? (
          <p className="muted" data-testid="demo-hint">Demo mode: the server printed the demo accounts and their password when it created them (see the README).</p>
        ) : null}
      </PageHeader>
      <SignInForm next={next} />
    </>
  );
}
