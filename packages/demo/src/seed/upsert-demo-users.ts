// The demo sign-ins as better-auth stores them: a `user` row, a `credential` account whose
// password is hashed with better-auth's default hasher (scrypt, `better-auth/crypto`), and a
// TenantMembership for tenant members. Keyed on email; an existing hash that still verifies is
// kept, so a second run writes nothing new.
import crypto from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { Db } from "@real-estate/db";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-credentials";

export type SeededUser = { email: string; userId: string; membershipId: string | null; tenantSlug: string | null; role: string | null };

/** better-auth ids are opaque strings; demo users get a stable one derived from the email. */
function demoUserId(email: string): string {
  return crypto.createHash("sha256").update(`demo-user:${email}`).digest("base64url").slice(0, 32);
}

/**
 * scrypt is the slow part of the seed, so each distinct (hash, password) pair is checked once and
 * each distinct password hashed once per run (demo accounts share passwords across tenants).
 */
type HashMemo = { hashes: Map<string, Promise<string>>; checks: Map<string, Promise<boolean>> };

function memoized<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) map.set(key, (value = make()));
  return value;
}

async function ensureCredential(db: Db, memo: HashMemo, userId: string, password: string): Promise<void> {
  const existing = await db.account.findFirst({ where: { userId, providerId: "credential" }, select: { id: true, password: true } });
  const stored = existing?.password;
  if (stored && (await memoized(memo.checks, `${stored}\n${password}`, () => verifyPassword({ hash: stored, password })))) return;
  const hash = await memoized(memo.hashes, password, () => hashPassword(password));
  if (existing) await db.account.update({ where: { id: existing.id }, data: { password: hash } });
  else await db.account.create({ data: { id: demoUserId(`account:${userId}`), userId, accountId: userId, providerId: "credential", password: hash } });
}

async function upsertOne(db: Db, memo: HashMemo, account: DemoAccount, tenantIds: Record<string, string>): Promise<SeededUser> {
  const profile = { name: account.name, emailVerified: true, platformRole: account.platformRole };
  const user = await db.user.upsert({
    where: { email: account.email },
    create: { id: demoUserId(account.email), email: account.email, ...profile },
    update: profile,
    select: { id: true },
  });
  await ensureCredential(db, memo, user.id, account.password);
  let membershipId: string | null = null;
  if (account.tenantSlug && account.role) {
    const tenantId = tenantIds[account.tenantSlug];
    if (!tenantId) throw new Error(`demo account ${account.email}: tenant ${account.tenantSlug} was not seeded`);
    const membership = await db.tenantMembership.upsert({
      where: { tenantId_userId: { tenantId, userId: user.id } },
      create: { tenantId, userId: user.id, role: account.role },
      update: { role: account.role },
      select: { id: true },
    });
    membershipId = membership.id;
  }
  return { email: account.email, userId: user.id, membershipId, tenantSlug: account.tenantSlug, role: account.role };
}

/** Creates or refreshes every demo account; `tenantIds` maps tenant slug → id. */
export async function upsertDemoUsers(db: Db, tenantIds: Record<string, string>): Promise<SeededUser[]> {
  // Concurrently, so the scrypt work runs in parallel on libuv's thread pool.
  const memo: HashMemo = { hashes: new Map(), checks: new Map() };
  return Promise.all(DEMO_ACCOUNTS.map((account) => upsertOne(db, memo, account, tenantIds)));
}
