import { readClerkEnv, type ClerkEnv } from "./clerk-env";

/** What the apps' Next.js SDK needs beyond token verification (AUTH_PROVIDER=clerk only). */
export type ClerkAppEnv = ClerkEnv & {
  /** CLERK_PUBLISHABLE_KEY (or NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY): `pk_live_…` / `pk_test_…`; names the instance's Frontend API host. */
  publishableKey: string;
  /** The Frontend API host the publishable key names (where the browser loads Clerk's scripts and signs in). */
  frontendApi: string;
  /** CLERK_SIGN_IN_URL: an absolute sign-in URL (Clerk's Account Portal); unset: the app's own /sign-in page shows Clerk's sign-in. */
  signInUrl: string | null;
};

/** The Frontend API host a publishable key carries (base64 of `host$`), or null for anything else. */
export function frontendApiOf(publishableKey: string): string | null {
  const match = /^pk_(live|test)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey);
  if (!match) return null;
  const decoded = Buffer.from(match[2]!, "base64").toString("utf8");
  if (!decoded.endsWith("$")) return null;
  const host = decoded.slice(0, -1);
  return /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? host : null;
}

/**
 * Reads the settings the CRM's and studio's Clerk middleware, provider and sign-in page need.
 * Throws one readable line for a missing or malformed value. CLERK_SECRET_KEY is read by the SDK
 * itself (it signs and encrypts what its middleware hands to `auth()`); it is checked here so a
 * missing one is named at the first request, not as the SDK's 500. Session tokens are still
 * verified with CLERK_JWT_KEY alone: no request waits on Clerk.
 */
export function readClerkAppEnv(env: NodeJS.ProcessEnv = process.env): ClerkAppEnv {
  const base = readClerkEnv(env);
  const publishableKey = (env.CLERK_PUBLISHABLE_KEY || env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || "").trim();
  if (!publishableKey)
    throw new Error("auth configuration: CLERK_PUBLISHABLE_KEY is required with AUTH_PROVIDER=clerk (Clerk dashboard → API keys, pk_live_…)");
  const frontendApi = frontendApiOf(publishableKey);
  if (!frontendApi) throw new Error("auth configuration: CLERK_PUBLISHABLE_KEY is not a Clerk publishable key (pk_live_… or pk_test_…)");
  if (!/^sk_(live|test)_\S+$/.test(env.CLERK_SECRET_KEY?.trim() ?? "")) {
    throw new Error("auth configuration: CLERK_SECRET_KEY is required with AUTH_PROVIDER=clerk (Clerk dashboard → API keys, sk_live_…)");
  }
  const signInUrl = env.CLERK_SIGN_IN_URL?.trim() || null;
  if (signInUrl && !(URL.canParse(signInUrl) && /^https?:$/.test(new URL(signInUrl).protocol))) {
    throw new Error(`auth configuration: CLERK_SIGN_IN_URL must be an absolute http(s) URL (got "${signInUrl}")`);
  }
  return { ...base, publishableKey, frontendApi, signInUrl };
}
