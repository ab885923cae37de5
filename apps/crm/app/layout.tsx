import type { Metadata } from "next";
import { headers } from "next/headers";
import { ClerkRoot } from "@real-estate/auth/clerk-components";
import "./globals.css";

export const metadata: Metadata = { title: "CRM", robots: { index: false } };

// Every page renders per request: its scripts carry the nonce of this response's
// Content-Security-Policy (set in proxy.ts), which a prerendered page could not.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  // Clerk's provider only when Clerk signs people in (see ClerkRoot).
  return (
    <ClerkRoot>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkRoot>
  );
}
