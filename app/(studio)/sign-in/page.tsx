import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Sign in" };

/** Only paths on this site: `//evil.example` and absolute URLs go to the home page instead. */
function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  const ok = value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") && !value.startsWith("/sign-in");
  return ok ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  return (
    <>
      <PageHeader title="Sign in">
        <p>
          Engineers and admins sign in to upload checkpoints to this server. The demo accounts (admin@, engineer@,
          rater1@, rater2@reward.studio) use the password in the README.
        </p>
      </PageHeader>
      <SignInForm next={next} />
    </>
  );
}
