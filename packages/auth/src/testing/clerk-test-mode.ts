import crypto from "node:crypto";
import { getDb, type Db } from "@real-estate/db";
import { parseEnvList } from "@real-estate/types/env-list";
import { DEFAULT_CLERK_ROLE_MAP } from "../clerk/clerk-env";
import { upsertClerkUser, type ClerkUserRow } from "../clerk/upsert-clerk-user";
import {
  CLERK_TEST_FRONTEND_API,
  clerkTestKeysFrom,
  clerkTestPrivateKeyPem,
  createClerkTestKeys,
  signClerkSessionToken,
  type ClerkTestKeys,
} from "./clerk-test-keys";

/** The origin test tokens name as `azp` (listed in CLERK_AUTHORIZED_PARTIES by useClerkForTests). */
export const CLERK_TEST_PARTY = "http://crm.clerk-test.localhost";

/**
 * Environment variable that carries the test signing key (PKCS#8 PEM) to child processes, so a
 * test runner's workers sign with the key its servers were configured with. Tests only: an app
 * never reads it.
 */
export const CLERK_TEST_SIGNING_KEY_ENV = "CLERK_TEST_SIGNING_KEY";

/** A production-instance publishable key naming CLERK_TEST_FRONTEND_API, as Clerk's dashboard shows one. */
export const CLERK_TEST_PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${CLERK_TEST_FRONTEND_API}$`).toString("base64")}`;

let keys: ClerkTestKeys | undefined;

/** Whether this test run authenticates through Clerk (AUTH_PROVIDER=clerk in the environment). */
export function clerkTestMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AUTH_PROVIDER?.trim() === "clerk";
}

/**
 * Configures this process for Clerk (AUTH_PROVIDER, CLERK_JWT_KEY, authorized parties) and
 * returns the keys that sign its session tokens: the key a parent process handed down in
 * CLERK_TEST_SIGNING_KEY, else a key pair made here (and handed down the same way). Idempotent.
 */
export function useClerkForTests(env: NodeJS.ProcessEnv = process.env): ClerkTestKeys {
  const inherited = env[CLERK_TEST_SIGNING_KEY_ENV];
  keys ??= inherited ? clerkTestKeysFrom(inherited) : createClerkTestKeys();
  env[CLERK_TEST_SIGNING_KEY_ENV] ??= clerkTestPrivateKeyPem(keys);
  env.AUTH_PROVIDER = "clerk";
  env.CLERK_JWT_KEY = keys.publicKeyPem;
  // What the apps' Clerk middleware needs besides the JWT key: a publishable key (its Frontend API
  // host) and a secret key (which only signs what the middleware hands to auth(); no request is
  // made with it).
  env.CLERK_PUBLISHABLE_KEY ??= CLERK_TEST_PUBLISHABLE_KEY;
  env.CLERK_SECRET_KEY ??= `sk_live_${crypto.randomBytes(24).toString("hex")}`;
  const parties = parseEnvList(env.CLERK_AUTHORIZED_PARTIES);
  if (!parties.includes(CLERK_TEST_PARTY)) env.CLERK_AUTHORIZED_PARTIES = [...parties, CLERK_TEST_PARTY].join(",");
  return keys;
}

/**
 * A user who exists in Clerk, as our `user` table holds them after Clerk's `user.created`
 * webhook: a fresh Clerk id, the e-mail and name, and the platform role from public metadata.
 */
export async function createClerkTestUser(options: { email: string; name: string; platformRole?: string; db?: Db }): Promise<ClerkUserRow> {
  const clerkUserId = `user_${crypto.randomBytes(12).toString("hex")}`;
  return upsertClerkUser({ clerkUserId, email: options.email, name: options.name, platformRole: options.platformRole ?? null }, options.db ?? getDb());
}

/**
 * What a browser signed in through Clerk carries for this user: the `__session` cookie (and
 * `__client_uat`, the time the client last signed in, which Clerk's middleware requires beside
 * it and which may not be later than the token's `iat`). With a
 * `tenantId`, the user's active organization is the tenant's, and does what Clerk's dashboard
 * would have: gives the tenant an organization and the user a Clerk id when they have none. The
 * organization role is the one CLERK_ROLE_MAP gives the user's current membership. Without a
 * tenant, no organization is active (an operator's session). `platformRole` goes in the public
 * metadata claim, as a customized Clerk session token carries it.
 */
export async function clerkSessionCookieFor(options: { email: string; tenantId?: string; platformRole?: string; db?: Db }): Promise<string> {
  const db = options.db ?? getDb();
  const k = useClerkForTests();
  const user = await db.user.findUniqueOrThrow({
    where: { email: options.email.toLowerCase() },
    select: { id: true, clerkUserId: true, email: true, name: true },
  });
  const clerkUserId = user.clerkUserId ?? `user_${crypto.randomBytes(12).toString("hex")}`;
  if (!user.clerkUserId) await db.user.update({ where: { id: user.id }, data: { clerkUserId } });
  const organization = options.tenantId ? await activeOrganization(db, options.tenantId, user.id) : {};
  const token = signClerkSessionToken(k, {
    sub: clerkUserId,
    azp: CLERK_TEST_PARTY,
    ...organization,
    expiresIn: 3600,
    extra: { email: user.email, name: user.name, ...(options.platformRole ? { metadata: { platformRole: options.platformRole } } : {}) },
  });
  return `__session=${token}; __client_uat=${clientUatOf(token)}`;
}

/** The `__client_uat` cookie value that goes with a token: its `iat`. */
export function clientUatOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { iat?: number };
  return payload.iat ?? 0;
}

/** The tenant's organization (given one when it has none) and the user's role in it, as token claims. */
async function activeOrganization(db: Db, tenantId: string, userId: string): Promise<{ org_id?: string; org_role?: string }> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { clerkOrganizationId: true } });
  const orgId = tenant.clerkOrganizationId ?? `org_${tenantId.replace(/-/g, "")}`;
  if (!tenant.clerkOrganizationId) await db.tenant.update({ where: { id: tenantId }, data: { clerkOrganizationId: orgId } });
  const membership = await db.tenantMembership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { role: true } });
  const orgRole = membership ? Object.entries(DEFAULT_CLERK_ROLE_MAP).find(([, role]) => role === membership.role)?.[0] : undefined;
  return orgRole ? { org_id: orgId, org_role: orgRole } : {};
}
