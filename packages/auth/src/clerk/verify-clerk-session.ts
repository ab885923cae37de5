import { verifyToken } from "@clerk/backend";
import type { ClerkEnv } from "./clerk-env";

/** What a verified Clerk session token says. */
export type ClerkClaims = {
  clerkUserId: string;
  sessionId: string;
  /** The active organization and the user's role in it (`org:admin`), or null without one. */
  orgId: string | null;
  orgRole: string | null;
  expiresAt: Date;
  /** Optional custom session claims (Clerk dashboard → Sessions → customize): `email`, `name`, `metadata` (public metadata). */
  email: string | null;
  name: string | null;
  platformRole: string | null | undefined;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The active organization of a v1 token (`org_id`, `org_role`) or a v2 token (`o.id`, `o.rol` without the `org:` prefix). */
function organizationOf(claims: Record<string, unknown>): { orgId: string | null; orgRole: string | null } {
  const o = claims.o as { id?: unknown; rol?: unknown } | undefined;
  if (o && typeof o === "object") {
    const role = text(o.rol);
    return { orgId: text(o.id), orgRole: role ? (role.startsWith("org:") ? role : `org:${role}`) : null };
  }
  return { orgId: text(claims.org_id), orgRole: text(claims.org_role) };
}

/**
 * Verifies a Clerk session token with the configured PEM key only (no request to Clerk): RS256
 * signature, `exp` and `nbf` (with the configured leeway), and `azp` among the authorized
 * parties (a token without `azp` is refused too). Null when anything is wrong.
 */
export async function verifyClerkSession(token: string, env: ClerkEnv): Promise<ClerkClaims | null> {
  // The package's verifyToken returns the payload and throws on any failure (expired, not yet
  // valid, wrong azp, bad signature, malformed): each is "not signed in".
  const payload = await verifyToken(token, { jwtKey: env.jwtKey, authorizedParties: env.authorizedParties, clockSkewInMs: env.clockSkewMs }).catch(() => null);
  return payload ? clerkClaimsOf(payload as unknown as Record<string, unknown>, env) : null;
}

/**
 * What the claims of an already verified session token say (verified here by verifyClerkSession,
 * or by `clerkMiddleware` inside the apps, whose `auth()` hands them over). A token without
 * `sub`, `sid`, `exp` or an authorized `azp` is refused here too.
 */
export function clerkClaimsOf(claims: Record<string, unknown>, env: ClerkEnv): ClerkClaims | null {
  const clerkUserId = text(claims.sub);
  const sessionId = text(claims.sid);
  const azp = text(claims.azp);
  if (!clerkUserId || !sessionId || !azp || !env.authorizedParties.includes(azp) || typeof claims.exp !== "number") return null;
  const metadata = claims.metadata as Record<string, unknown> | undefined;
  const platformRole = metadata && typeof metadata === "object" ? text(metadata.platformRole) : undefined;
  return {
    clerkUserId,
    sessionId,
    ...organizationOf(claims),
    expiresAt: new Date(claims.exp * 1000),
    email: text(claims.email)?.toLowerCase() ?? null,
    name: text(claims.name),
    platformRole,
  };
}
