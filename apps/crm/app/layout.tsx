import type { Metadata } from "next";
import { headers } from "next/headers";
import { ClerkProvider } from "@clerk/nextjs";
import { clerkProviderProps } from "@real-estate/auth/clerk-next";
import "./globals.css";

export const metadata: Metadata = { title: "CRM", robots: { index: false } };

// Every page renders per request: its scripts carry the nonce of this response's
// Content-Security-Policy (set in proxy.ts), which a prerendered page could not.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  const page = (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
  // Clerk's provider (its browser scripts carry this response's nonce) only when Clerk signs
  // people in: under better-auth nothing of Clerk is rendered and no Clerk key is needed.
  const clerk = clerkProviderProps();
  return clerk ? (
    <ClerkProvider dynamic {...clerk}>
      {page}
    </ClerkProvider>
  ) : (
    page
  );
}
