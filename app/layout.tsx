import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NavBar } from "@/components/ui/nav-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reward Studio", template: "%s · Reward Studio" },
  description: "Tune computer-vision models with task rewards, in the browser.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NavBar />
        <main className="main">{children}</main>
      </body>
    </html>
  );
}
