"use client";

import { useState, type FormEvent } from "react";
import { adminCall, utc } from "@/components/admin/admin-api";
import type { ApiTokenSummary } from "@/lib/server/api-token-views";

/** The CLI line that records a tuning run on this server with `token`. */
const cliLine = (origin: string, token: string) =>
  `RS_TOKEN=${token} npx reward-studio tune --task captioning --from <mle-checkpoint-dir> --reward <spec.json> --out <dir> --server ${origin} --spec-version <reward-spec-version-id>`;

/**
 * API tokens for scripts (`reward-studio tune --server`): create one (its secret shown once,
 * with a copy button and the CLI line that uses it), list yours, revoke any at once.
 */
export function ApiTokensPanel({ initialTokens }: { initialTokens: ApiTokenSummary[] }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["runs"]);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError("");
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await adminCall<{ token: string; apiToken: ApiTokenSummary }>("POST", "/api/tokens", { name: name.trim(), scopes });
      setTokens((list) => [res.apiToken, ...list]);
      setCreated({ token: res.token, name: res.apiToken.name });
      setCopied(false);
      setName("");
    });
  };
  const revoke = (t: ApiTokenSummary) =>
    void run(async () => {
      await adminCall("DELETE", `/api/tokens/${t.id}`);
      setTokens((list) => list.filter((x) => x.id !== t.id));
    });
  const line = created ? cliLine(window.location.origin, created.token) : "";

  return (
    <section className="panel" aria-label="API tokens">
      <h2>API tokens</h2>
      <p className="muted">
        For scripts and the CLI: a token acts as you within its scopes and nothing else: <em>runs</em> (create runs, stream
        metrics, upload checkpoints: <code>reward-studio tune --server</code>), <em>predict</em> (<code>POST /api/v1/predict/&lt;task&gt;</code>,
        <code>npm run traffic</code>). Revoke one and it stops working at once.
      </p>
      <form className="toolbar" onSubmit={create} aria-label="New API token">
        <label>
          Name <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. laptop" maxLength={100} required />
        </label>
        {["runs", "predict"].map((scope) => (
          <label key={scope}>
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => { const on = e.target.checked; setScopes((xs) => (on ? [...xs, scope] : xs.filter((x) => x !== scope))); }} /> {scope}
          </label>
        ))}
        <button type="submit" className="button" disabled={busy || !name.trim() || scopes.length === 0}>Create token</button>
        {error ? <span className="fail" role="alert" data-testid="token-error">{error}</span> : null}
      </form>
      {created ? (
        <div data-testid="new-token">
          <p>Token “{created.name}”: copy it now, it is shown only this once.</p>
          <p className="toolbar">
            <input type="text" readOnly aria-label="API token" value={created.token} size={created.token.length} onFocus={(e) => e.target.select()} />
            <button type="button" className="button" onClick={() => void navigator.clipboard.writeText(created.token).then(() => setCopied(true))}>{copied ? "Copied" : "Copy"}</button>
          </p>
          <p>Use it with the CLI:</p>
          <pre className="mono" data-testid="cli-line" style={{ whiteSpace: "pre-wrap" }}>{line}</pre>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="muted">You have no API tokens.</p>
      ) : (
        <table className="table" data-testid="api-tokens">
          <thead><tr><th>Name</th><th>Token</th><th>Scopes</th><th>Created</th><th>Last used</th><th /></tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="api-token">
                <td>{t.name}</td><td><code>{t.prefix}…</code></td><td>{t.scopes}</td><td>{utc(t.createdAt)}</td><td>{utc(t.lastUsedAt)}</td>
                <td><button type="button" className="button" disabled={busy} onClick={() => revoke(t)}>Revoke</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
