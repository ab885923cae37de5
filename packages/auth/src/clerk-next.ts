/**
 * What the apps hand Clerk's Next.js SDK (`@clerk/nextjs`) under AUTH_PROVIDER=clerk: the
 * middleware's options for proxy.ts and the provider's props for the root layout. Both are null
 * under better-auth, so an install on the default provider needs no Clerk key at all.
 */
import { authProviderName } from "./provider/auth-provider";
import { readClerkAppEnv } from "./clerk/clerk-app-env";

export { authProviderName } from "./provider/auth-provider";
export { frontendApiOf, readClerkAppEnv, type ClerkAppEnv } from "./clerk/clerk-app-env";

/** Whether AUTH_PROVIDER selects Clerk (read per call: a running server follows its environment). */
export function clerkSelected(env: NodeJS.ProcessEnv = process.env): boolean {
  return authProviderName(env) === "clerk";
}

/**
 * `clerkMiddleware` options: session tokens verified with the PEM key alone (`jwtKey`, never
 * Clerk's JWKS endpoint) and only from the configured origins (`authorizedParties`). The secret
 * key is left to the SDK's own CLERK_SECRET_KEY: passed as an option it would also demand
 * CLERK_ENCRYPTION_KEY.
 */
export function clerkMiddlewareOptions(env: NodeJS.ProcessEnv = process.env) {
  const clerk = readClerkAppEnv(env);
  return {
    publishableKey: clerk.publishableKey,
    jwtKey: clerk.jwtKey,
    authorizedParties: clerk.authorizedParties,
    clockSkewInMs: clerk.clockSkewMs,
    ...(clerk.signInUrl ? { signInUrl: clerk.signInUrl } : {}),
  };
}

/**
 * `<ClerkProvider>` props for the root layout, or null when Clerk is not the provider. Clerk's
 * components send signed-out people to CLERK_SIGN_IN_URL when set, else to the app's own
 * /sign-in page, which shows Clerk's sign-in.
 */
export function clerkProviderProps(env: NodeJS.ProcessEnv = process.env): { publishableKey: string; signInUrl: string } | null {
  if (!clerkSelected(env)) return null;
  const clerk = readClerkAppEnv(env);
  return { publishableKey: clerk.publishableKey, signInUrl: clerk.signInUrl ?? "/sign-in" };
}
