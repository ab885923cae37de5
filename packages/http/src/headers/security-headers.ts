/** Which app a policy is for: the CRM and the studio are never framed; a brokerage's website may frame itself. */
export type AppKind = "web" | "crm" | "studio";

/** A fresh nonce for one response's scripts (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Name of the environment variable through which the app server (start-app-server.ts) hands the
 * process's render nonce to proxy.ts: a secret, random per process, that pages are rendered (and
 * cached) with, and that the app server replaces with a fresh nonce in every response.
 */
export const RENDER_NONCE_ENV = "REAL_ESTATE_RENDER_NONCE";

/** The render nonce the app server published for this process, if it runs behind one. */
export function renderNonce(): string | null {
  const value = process.env[RENDER_NONCE_ENV];
  return value && /^[0-9a-f]{32}$/.test(value) ? value : null;
}

/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (Next.js puts it
 * on its own scripts when the request carries the policy) and what those load
 * (`'strict-dynamic'`); no inline script without it, no objects, bases or form targets elsewhere.
 * CRM and studio are never framed; a brokerage's website may frame itself and shows listing
 * photos from HTTPS hosts and its map's tile style from HTTPS hosts (connect-src). Styles allow inline `style` attributes (React's style props) in every
 * app. `dev` adds what `next dev` needs (eval). `clerkFrontendApi` (CRM and studio signing in
 * through Clerk) lets Clerk's browser script talk to the instance's Frontend API host, show
 * avatars from Clerk's image host and its bot check in a frame.
 */
export function contentSecurityPolicy(options: { app: AppKind; nonce: string; dev?: boolean; clerkFrontendApi?: string }): string {
  const eval_ = options.dev ? " 'unsafe-eval'" : "";
  const clerk = options.clerkFrontendApi ? `https://${options.clerkFrontendApi}` : null;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${eval_}`,
    "style-src 'self' 'unsafe-inline'",
    options.app === "web" ? "img-src 'self' data: blob: https:" : `img-src 'self' data: blob:${clerk ? " https://img.clerk.com" : ""}`,
    "font-src 'self' data:",
    // A brokerage's website fetches its map's tile style, tiles, glyphs and sprites from the style's
    // hosts (any HTTPS host the studio accepted; plain http on loopback only under `next dev`).
    options.app === "web"
      ? `connect-src 'self' https:${options.dev ? " http://localhost:* http://127.0.0.1:*" : ""}`
      : `connect-src 'self'${clerk ? ` ${clerk}` : ""}`,
    clerk ? "worker-src 'self' blob:" : "worker-src 'self'",
    ...(clerk ? ["frame-src 'self' https://challenges.cloudflare.com"] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.app === "web" ? "'self'" : "'none'"}`,
  ];
  return directives.join("; ");
}

/**
 * Headers every response of every app carries (set by the app server, so static files and
 * Next.js's own answers have them too): no MIME sniffing, the origin only as referrer to other
 * sites, no powerful browser features, and HSTS when the request came over HTTPS.
 */
export function baselineSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * The page headers proxy.ts adds for one request: the policy for the response and, for the
 * nonce to reach Next.js's renderer, the same policy and `x-nonce` on the request.
 *
 * CRM and studio render every page per request: a fresh nonce each time. The website's pages are
 * cached and shared between visitors (ISR, decision 0005), so they are rendered with the process's
 * secret render nonce (`renderNonce()`), and the app server swaps it for a fresh nonce in each
 * response's policy and body (swap-render-nonce.ts): every visitor gets a nonce of their own and
 * the cached page never shows the render nonce. Without the app server (`next dev`) the website
 * falls back to a fresh nonce per request too.
 */
export function pageSecurityHeaders(options: { app: AppKind; dev?: boolean; clerkFrontendApi?: string }): {
  nonce: string;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
} {
  const nonce = (options.app === "web" ? renderNonce() : null) ?? createNonce();
  const policy = contentSecurityPolicy({ app: options.app, nonce, dev: options.dev, clerkFrontendApi: options.clerkFrontendApi });
  const frame = options.app === "web" ? "SAMEORIGIN" : "DENY";
  return {
    nonce,
    requestHeaders: { "content-security-policy": policy, "x-nonce": nonce },
    responseHeaders: { "content-security-policy": policy, "x-frame-options": frame },
  };
}
