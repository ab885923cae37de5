import { getDb } from "@real-estate/db";
import type { AuthProvider } from "../provider/auth-provider";
import type { AuthSession } from "../provider/auth-session";
import { readClerkEnv, type ClerkEnv } from "./clerk-env";
import { clerkSessionToken } from "./clerk-session-token";
import { syncClerkMembership } from "./sync-clerk-membership";
import { upsertClerkUser } from "./upsert-clerk-user";
import { clerkClaimsOf, verifyClerkSession, type ClerkClaims } from "./verify-clerk-session";

let cached: { key: string; env: ClerkEnv } | undefined;

/** The Clerk settings, parsed once per distinct environment (tests switch keys). */
function clerkEnv(): ClerkEnv {
  const e = process.env;
  const key = [e.CLERK_JWT_KEY, e.CLERK_AUTHORIZED_PARTIES, e.CLERK_ROLE_MAP, e.CLERK_WEBHOOK_SIGNING_SECRET, e.CLERK_CLOCK_SKEW_SECONDS].join("\u0000");
  if (cached?.key !== key) cached = { key, env: readClerkEnv(e) };
  return cached.env;
}

/**
 * Inside the CRM or studio server (Next.js sets NEXT_RUNTIME), the session is the one Clerk's
 * own `clerkMiddleware` (proxy.ts) verified with the same key and parties, read through `auth()`.
 * Elsewhere (route handlers called in process by tests, tools) the `__session` cookie in these
 * headers is verified here. Both are offline.
 */
async function verifiedClaims(headers: Headers): Promise<ClerkClaims | null> {
  if (process.env.NEXT_RUNTIME) {
    // Imported only here: outside Next.js the SDK's server entry refuses to load.
    const { auth } = await import("@clerk/nextjs/server");
    const { sessionClaims } = await auth();
    return sessionClaims ? clerkClaimsOf(sessionClaims as unknown as Record<string, unknown>, clerkEnv()) : null;
  }
  const token = clerkSessionToken(headers);
  return token ? verifyClerkSession(token, clerkEnv()) : null;
}

async function verifiedSession(headers: Headers): Promise<{ claims: ClerkClaims; session: AuthSession } | null> {
  const claims = await verifiedClaims(headers);
  if (!claims) return null;
  const user = await upsertClerkUser({ clerkUserId: claims.clerkUserId, email: claims.email, name: claims.name, platformRole: claims.platformRole });
  return { claims, session: { user, session: { id: claims.sessionId, expiresAt: claims.expiresAt } } };
}

/**
 * Clerk: the `__session` cookie's token verified offline (CLERK_JWT_KEY), the user kept in our
 * `user` table by Clerk id, and membership from the token's active organization: it must be
 * the tenant's (Tenant.clerkOrganizationId) and its role must map (CLERK_ROLE_MAP); the
 * TenantMembership row follows, so the team page, assignments and routing work unchanged.
 */
export const clerkProvider: AuthProvider = {
  name: "clerk",
  async getSession(headers) {
    return (await verifiedSession(headers))?.session ?? null;
  },
  async getMember({ tenantId, headers }) {
    const verified = await verifiedSession(headers);
    if (!verified) return null;
    const { claims, session } = verified;
    const tenant = claims.orgId ? await getDb().tenant.findUnique({ where: { id: tenantId }, select: { clerkOrganizationId: true } }) : null;
    // Another tenant's organization, or none active: no access here (and the membership this
    // user may hold here stays as it is: the webhooks own removals).
    if (!tenant?.clerkOrganizationId || tenant.clerkOrganizationId !== claims.orgId) return { session, membership: null };
    const role = (claims.orgRole && clerkEnv().roleMap[claims.orgRole]) || null;
    const membership = await syncClerkMembership({ tenantId, userId: session.user.id, role });
    return { session, membership };
  },
};
