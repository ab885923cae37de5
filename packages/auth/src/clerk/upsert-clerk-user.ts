import crypto from "node:crypto";
import { getDb, Prisma, type Db, type DbTx } from "@real-estate/db";

export type ClerkUserFacts = {
  clerkUserId: string;
  /** Primary e-mail, when known (a custom session claim, or a webhook's user object). */
  email: string | null;
  name: string | null;
  /** The platform role from Clerk public metadata; undefined when the source does not carry metadata (left as it is). */
  platformRole?: string | null;
};

export type ClerkUserRow = { id: string; email: string; name: string; platformRole: string | null };

const userSelect = { id: true, email: true, name: true, platformRole: true } satisfies Prisma.UserSelect;

/** Stands in until Clerk tells us the address (a webhook, or the `email` session claim): unique and never deliverable. */
export function placeholderEmail(clerkUserId: string): string {
  return `${clerkUserId.toLowerCase()}@users.clerk.invalid`;
}

/**
 * The `user` row of a Clerk user, created on first sight and kept in step with what Clerk
 * says (writing only when something changed). A user who already exists with the same
 * e-mail and no Clerk id (an install that switched from the built-in provider) is linked, so
 * their memberships, assignments and history stay theirs. Safe under concurrent first requests.
 */
export async function upsertClerkUser(facts: ClerkUserFacts, db: Db | DbTx = getDb()): Promise<ClerkUserRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await upsertOnce(facts, db);
    } catch (error) {
      // Another request created or linked the same user (or took the e-mail) meanwhile: read again.
      // Inside a caller's transaction the failed statement voided it: the caller retries.
      if (attempt < 2 && "$transaction" in db && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

async function upsertOnce(facts: ClerkUserFacts, db: Db | DbTx): Promise<ClerkUserRow> {
  const wanted = {
    ...(facts.email ? { email: facts.email.toLowerCase() } : {}),
    ...(facts.name ? { name: facts.name } : {}),
    ...(facts.platformRole !== undefined ? { platformRole: facts.platformRole } : {}),
  };
  const existing = await db.user.findUnique({ where: { clerkUserId: facts.clerkUserId }, select: userSelect });
  if (existing) {
    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => existing[k as keyof ClerkUserRow] !== v));
    if (changed.email && (await db.user.findUnique({ where: { email: changed.email as string }, select: { id: true } }))) delete changed.email;
    if (Object.keys(changed).length === 0) return existing;
    return db.user.update({ where: { id: existing.id }, data: changed, select: userSelect });
  }
  if (wanted.email) {
    const sameEmail = await db.user.findUnique({ where: { email: wanted.email }, select: { id: true, clerkUserId: true } });
    if (sameEmail && !sameEmail.clerkUserId) {
      const linked = await db.user.updateMany({ where: { id: sameEmail.id, clerkUserId: null }, data: { clerkUserId: facts.clerkUserId, ...wanted } });
      if (linked.count === 1) return db.user.findUniqueOrThrow({ where: { id: sameEmail.id }, select: userSelect });
    }
    if (sameEmail) delete wanted.email; // another Clerk user holds it: keep the placeholder until Clerk says otherwise
  }
  return db.user.create({
    data: {
      id: crypto.randomUUID(),
      clerkUserId: facts.clerkUserId,
      email: wanted.email ?? placeholderEmail(facts.clerkUserId),
      name: wanted.name ?? wanted.email ?? facts.clerkUserId,
      emailVerified: Boolean(wanted.email),
      platformRole: wanted.platformRole ?? null,
    },
    select: userSelect,
  });
}
