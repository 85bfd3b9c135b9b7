/** A clear, actionable error: what was wrong (the field) and what was expected. */
export function ErrorPanel({ title, code, message }: { title: string; code: string; message: string }) {
  return (
    <section className="panel error-panel" role="alert" data-error-code={code}>
      <h2>{title}</h2>
      <p>{message}</p>
      <p className="muted">
        <code>{code}</code>
      </p>
    </section>
  );
}
