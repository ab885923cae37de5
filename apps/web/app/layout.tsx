import "./styles/base.css";
import "./styles/chrome.css";
import "./styles/controls.css";
import "./styles/listings.css";
import "./styles/pages.css";
import "./styles/listing-page.css";
import type { Viewport } from "next";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
