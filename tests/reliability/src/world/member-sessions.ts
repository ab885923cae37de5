// Signed-in CRM members and a platform operator, made through the auth module itself so the
// cookies are exactly what a browser would carry.
import { signUpWithPassword } from "@real-estate/auth";
import { setDb, type Db } from "@real-estate/db";
import { createMembership } from "@real-estate/db/memberships";

/** A fixed test secret shared by this process (which signs the cookies) and the servers. */
export const TEST_AUTH_SECRET = "reliability-suite-auth-secret-0123456789abcdef";

export type SignedInUser = { userId: string; email: string; password: string; cookie: string };

/**
 * The Cookie header a browser would send. The servers run with NODE_ENV=production, where
 * better-auth (with a per-request base URL) names its cookies `__Secure-re.*`; this process runs
 * under test and names them `re.*`: send both names.
 */
function cookieFrom(headers: Headers): string {
  const pairs = headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("="));
  return [...pairs, ...pairs.map((p) => (p.startsWith("__Secure-") ? p : `__Secure-${p}`))].join("; ");
}

export async function signUpUser(db: Db, email: string, name: string): Promise<SignedInUser> {
  process.env.BETTER_AUTH_SECRET ??= TEST_AUTH_SECRET;
  setDb(db);
  const password = `pw-${Math.random().toString(36).slice(2)}-long`;
  const r = await signUpWithPassword({ name, email, password, headers: new Headers({ host: "localhost:3001", origin: "http://localhost:3001" }) });
  if (!r.ok) throw new Error(`sign-up of ${email} failed: ${r.message}`);
  const cookie = cookieFrom(r.headers);
  if (!cookie) throw new Error(`sign-up of ${email} returned no session cookie`);
  return { userId: r.userId, email, password, cookie };
}

export async function signUpMember(db: Db, options: { tenantId: string; email: string; role: "OWNER" | "AGENT" }): Promise<SignedInUser> {
  const user = await signUpUser(db, options.email, options.email.split("@")[0]!);
  await createMembership({ db, tenantId: options.tenantId, userId: user.userId, role: options.role });
  return user;
}

export async function signUpOperator(db: Db, email: string): Promise<SignedInUser> {
  const user = await signUpUser(db, email, "Operator");
  await db.user.update({ where: { id: user.userId }, data: { platformRole: "operator" } });
  return user;
}
