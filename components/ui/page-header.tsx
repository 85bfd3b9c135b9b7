import type { ReactNode } from "react";

/** The title block every page starts with. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-lede">{children}</div> : null}
    </header>
  );
}
