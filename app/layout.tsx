import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NavBar } from "@/components/ui/nav-bar";
import { currentUser } from "@/lib/server/page-guard";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reward Studio", template: "%s · Reward Studio" },
  description: "Tune computer-vision models with task rewards, in the browser.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <NavBar initialUser={user} />
        <main className="main">{children}</main>
      </body>
    </html>
  );
}
