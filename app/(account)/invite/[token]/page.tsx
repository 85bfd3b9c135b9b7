import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/auth/invite-form";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { openInvite } from "@/lib/auth";
import { db } from "@/lib/db";
import { StudioError } from "@/lib/errors";

// The token is in the path: never send it on to another site as a referrer.
export const metadata: Metadata = { title: "Accept an invite", referrer: "no-referrer" };

const an = (role: string) => (role === "engineer" || role === "admin" ? `an ${role}` : `a ${role}`);

/** /invite/<token>: the new engineer or rater sets a name and a password, once, before the link expires. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await openInvite(db(), { token }).catch((err: unknown) => {
    if (err instanceof StudioError) return err;
    throw err;
  });
  if (invite instanceof StudioError) {
    return (
      <>
        <PageHeader title="Accept an invite" />
        <ErrorPanel title="This invite link cannot be used" code={invite.code} message={`${invite.message[0]!.toUpperCase()}${invite.message.slice(1)}.`} />
        <p><Link href="/sign-in">Sign in</Link> if you already have an account.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Accept an invite">
        <p data-testid="invite-summary">
          You are invited to Reward Studio as {an(invite.role)}. Choose a name and a password; the link works once and
          expires on {invite.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
        </p>
      </PageHeader>
      <InviteForm token={token} role={invite.role} email={invite.email} />
    </>
  );
}
