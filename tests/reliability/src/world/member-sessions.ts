// Signed-in CRM members and a platform operator, made through the auth module itself so the
// cookies are exactly what a browser would carry. With RELIABILITY_AUTH_PROVIDER=clerk the
// servers run on Clerk and the cookie is Clerk's `__session` token (signed with this run's key).
import crypto from "node:crypto";
import { signUpWithPassword } from "@real-estate/auth";
import { clerkSessionCookieFor, createClerkTestUser, createSvixTestSecret, useClerkForTests } from "@real-estate/auth/testing";
import { setDb, type Db } from "@real-estate/db";
import { createMembership } from "@real-estate/crm";

/**
 * This run's auth secret, shared by the process that signs the cookies and the servers:
 * generated on first use (in the global setup, whose environment the test workers inherit),
 * never a constant of the source.
 */
export function suiteAuthSecret(): string {
  return (process.env.BETTER_AUTH_SECRET ||= crypto.randomBytes(32).toString("base64url"));
}

/**
 * The sign-in provider the suite's servers run with: RELIABILITY_AUTH_PROVIDER (`better-auth`,
 * the default, or `clerk`). Under Clerk, the first call configures this process (AUTH_PROVIDER,
 * CLERK_JWT_KEY, authorized parties, the signing key for the test workers, a webhook signing
 * secret), and the servers inherit that environment.
 */
export function suiteAuthProvider(): "better-auth" | "clerk" {
  const name = process.env.RELIABILITY_AUTH_PROVIDER?.trim() || "better-auth";
  if (name !== "better-auth" && name !== "clerk") throw new Error(`RELIABILITY_AUTH_PROVIDER must be better-auth or clerk (got "${name}")`);
  if (name === "clerk") {
    useClerkForTests();
    // As a configured install has it: the webhook endpoint's Svix secret (unset, the endpoint answers 503).
    process.env.CLERK_WEBHOOK_SIGNING_SECRET ||= createSvixTestSecret();
  }
  return name;
}

export type SignedInUser = { userId: string; email: string; password: string; cookie: string };

/**
 * The Cookie header a browser would send. The servers run with NODE_ENV=production, where
 * better-auth (with a per-request base URL) names its cookies `__Secure-re.*`; this process runs
 * under test and names them `re.*`: send both names.
 */
function cookieFrom(headers: Headers): string {
  const pairs = headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="));
  return [...pairs, ...pairs.map((p) => (p.startsWith("__Secure-") ? p : `__Secure-${p}`))].join("; ");
}

export async function signUpUser(db: Db, email: string, name: string): Promise<SignedInUser> {
  suiteAuthSecret();
  setDb(db);
  const password = `pw-${Math.random().toString(36).slice(2)}-long`;
  const r = await signUpWithPassword({ name, email, password, headers: new Headers({ host: "localhost:3001", origin: "http://localhost:3001" }) });
  if (!r.ok) throw new Error(`sign-up of ${email} failed: ${r.message}`);
  const cookie = cookieFrom(r.headers);
  if (!cookie) throw new Error(`sign-up of ${email} returned no session cookie`);
  return { userId: r.userId, email, password, cookie };
}

export async function signUpMember(db: Db, options: { tenantId: string; email: string; role: "OWNER" | "AGENT" }): Promise<SignedInUser> {
  if (suiteAuthProvider() === "clerk") {
    // Clerk: the user comes from Clerk (no password of ours), the membership from the
    // organization role their token carries (owner: org:admin, agent: org:member).
    const user = await createClerkTestUser({ db, email: options.email, name: options.email.split("@")[0]! });
    await createMembership({ db, tenantId: options.tenantId, userId: user.id, role: options.role });
    return { userId: user.id, email: user.email, password: "", cookie: await clerkSessionCookieFor({ db, email: user.email, tenantId: options.tenantId }) };
  }
  const user = await signUpUser(db, options.email, options.email.split("@")[0]!);
  await createMembership({ db, tenantId: options.tenantId, userId: user.userId, role: options.role });
  return user;
}

export async function signUpOperator(db: Db, email: string): Promise<SignedInUser> {
  if (suiteAuthProvider() === "clerk") {
    // Clerk: an operator is a Clerk user with platformRole in public metadata, no organization active.
    const user = await createClerkTestUser({ db, email, name: "Operator", platformRole: "operator" });
    return { userId: user.id, email: user.email, password: "", cookie: await clerkSessionCookieFor({ db, email: user.email, platformRole: "operator" }) };
  }
  const user = await signUpUser(db, email, "Operator");
  await db.user.update({ where: { id: user.userId }, data: { platformRole: "operator" } });
  return user;
}
