import Link from "next/link";
import type { ReactNode } from "react";

/** Says plainly that an area is not built yet, what it will do, and what works today. */
export function NotBuilt({ area, children }: { area: string; children: ReactNode }) {
  return (
    <section className="panel not-built" role="status" data-testid="not-built">
      <h2>{area} is not built yet</h2>
      <div>{children}</div>
      <p className="muted">
        Nothing on this page is simulated. Until it lands, the <Link href="/data">Data</Link> browser is what works
        today.
      </p>
    </section>
  );
}
