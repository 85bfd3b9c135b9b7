import type { Metadata } from "next";
import { ApiTokensPanel } from "@/components/auth/api-tokens-panel";
import { PageHeader } from "@/components/ui/page-header";
import { db, listApiTokens } from "@/lib/db";
import { describeApiToken } from "@/lib/server/api-token-views";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Account" };

/** /account (engineers and admins, by the group's layout): who you are, and your API tokens for scripts. */
export default async function AccountPage() {
  const me = await guardPage({ roles: STUDIO_ROLES });
  const tokens = (await listApiTokens(db(), { userId: me.id })).map(describeApiToken);
  return (
    <>
      <PageHeader title="Account">
        <p>
          Signed in as {me.name} ({me.email}, {me.role}).
        </p>
      </PageHeader>
      <ApiTokensPanel initialTokens={tokens} />
    </>
  );
}
