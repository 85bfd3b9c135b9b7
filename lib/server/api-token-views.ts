/** API tokens as the API answers them: what their owner may see, dates as ISO strings. */
import type { ApiTokenView } from "@/lib/db";

/** An API token for its owner's list: id, name, the first characters of the secret, scopes, dates. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const describeApiToken = (t: ApiTokenView): ApiTokenSummary => ({
  id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});
