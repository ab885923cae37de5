import type { DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/** An e-mail or phone a person gave, as stored: lower-cased e-mail; E.164 phone with the extension apart. */
export type IdentityInput = {
  emails: string[];
  phones: { phone: string; extension: string | null }[];
};

/** What adding identities changed on a contact (values, for the contact's own timeline). */
export type IdentityChanges = {
  addedEmails: string[];
  addedPhones: string[];
  /** Primary e-mail/phone set because the contact had none. */
  primaryEmail: string | null;
  primaryPhone: string | null;
};

export const noIdentityChanges = (): IdentityChanges => ({ addedEmails: [], addedPhones: [], primaryEmail: null, primaryPhone: null });

/** The advisory-lock keys of identities, as ingestion takes them (`email:…`, `phone:…`). */
export function identityKeys(identities: IdentityInput): string[] {
  return [...identities.emails.map((e) => `email:${e}`), ...identities.phones.map((p) => `phone:${p.phone}`)];
}

/**
 * Serialises work on these identities in the tenant until the transaction ends: the same locks
 * ingestion takes, in sorted order, so a hand-made contact and a website event for the same
 * person never both create one.
 */
export async function lockIdentities(tx: DbTx, tenantId: string, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(k))::int AS n
      FROM (SELECT hashtext(${tenantId} || ':' || i) AS k FROM unnest(${keys}::text[]) AS i ORDER BY 1) AS keys`;
}

/**
 * Ids of the tenant's live (not merged-away) contacts that hold any of these e-mails or phones,
 * oldest first. `lock` row-locks them (in id order, so two callers never deadlock) and the
 * caller must check the answer is still the same afterwards (see resolveIdentityContacts).
 */
async function queryIdentityContacts(tx: DbTx, tenantId: string, identities: IdentityInput, lock: boolean) {
  const emails = identities.emails;
  const phones = identities.phones.map((p) => p.phone);
  if (!emails.length && !phones.length) return [];
  const rows = await tx.$queryRawUnsafe<{ id: string; createdAt: Date }[]>(
    `SELECT c.id::text AS id, c."createdAt" FROM "Contact" c
      WHERE c."tenantId" = $1::uuid AND c."mergedIntoId" IS NULL AND c.id IN (
            SELECT "contactId" FROM "ContactEmail" WHERE "tenantId" = $1::uuid AND email = ANY($2::text[])
            UNION SELECT "contactId" FROM "ContactPhone" WHERE "tenantId" = $1::uuid AND phone = ANY($3::text[]))
      ORDER BY c.id${lock ? " FOR UPDATE OF c" : ""}`,
    tenantId,
    emails,
    phones,
  );
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/**
 * The live contacts holding any of the identities, row-locked, oldest first. A concurrent merge
 * can move an identity between the lookup and the lock, so the lookup is repeated after locking
 * until it agrees with what is locked.
 */
export async function resolveIdentityContacts(tx: DbTx, tenantId: string, identities: IdentityInput) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const locked = await queryIdentityContacts(tx, tenantId, identities, true);
    const again = await queryIdentityContacts(tx, tenantId, identities, false);
    if (again.length === locked.length && again.every((r, i) => r.id === locked[i]!.id)) return locked;
  }
  throw new Error("resolveIdentityContacts: the contacts kept changing under concurrent merges");
}

/**
 * Adds the e-mails and phones the contact does not hold yet (each with its source and time) and
 * refreshes lastSeenAt of those it holds. A contact without a primary e-mail or phone gets the
 * first new one as primary (mirrored on Contact.email/phone). An e-mail held by another live
 * contact is not moved here: the caller merges such contacts first.
 */
export async function addContactIdentities(
  tx: DbTx,
  options: { tenantId: string; contactId: string; identities: IdentityInput; source: string; now: Date },
): Promise<IdentityChanges> {
  const { tenantId, contactId, identities, source, now } = options;
  const changes = noIdentityChanges();
  for (const email of identities.emails) {
    const rows = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "ContactEmail" ("tenantId", id, "contactId", email, "isPrimary", source, "createdAt", "lastSeenAt")
      VALUES (${tenantId}::uuid, gen_random_uuid(), ${contactId}::uuid, ${email}, false, ${source}, ${now}::timestamp(3), ${now}::timestamp(3))
      ON CONFLICT ("tenantId", email) DO UPDATE SET "lastSeenAt" = GREATEST("ContactEmail"."lastSeenAt", EXCLUDED."lastSeenAt")
        WHERE "ContactEmail"."contactId" = EXCLUDED."contactId"
      RETURNING (xmax = 0) AS inserted`;
    if (rows[0]?.inserted) changes.addedEmails.push(email);
  }
  for (const { phone, extension } of identities.phones) {
    const rows = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "ContactPhone" ("tenantId", id, "contactId", phone, extension, "isPrimary", source, "createdAt", "lastSeenAt")
      VALUES (${tenantId}::uuid, gen_random_uuid(), ${contactId}::uuid, ${phone}, ${extension}::text, false, ${source}, ${now}::timestamp(3), ${now}::timestamp(3))
      ON CONFLICT ("tenantId", "contactId", phone) DO UPDATE SET
        "lastSeenAt" = GREATEST("ContactPhone"."lastSeenAt", EXCLUDED."lastSeenAt"),
        extension = COALESCE(EXCLUDED.extension, "ContactPhone".extension)
      RETURNING (xmax = 0) AS inserted`;
    if (rows[0]?.inserted) changes.addedPhones.push(phone);
  }
  const primaries = await promoteMissingPrimaries(tx, tenantId, contactId);
  changes.primaryEmail = primaries.email;
  changes.primaryPhone = primaries.phone;
  return changes;
}

/**
 * Marks the oldest e-mail/phone primary where the contact has none, and mirrors the primary
 * values onto Contact.email / phone / phoneExtension (as mirrorPrimaries), in one statement.
 * Returns what became primary.
 */
export async function promoteMissingPrimaries(tx: DbTx, tenantId: string, contactId: string) {
  // The mirror cannot see the promotions of its own statement (one snapshot): it takes a value
  // promoted here, else the primary the contact already had.
  const rows = await tx.$queryRaw<{ email: string | null; phone: string | null }[]>`
    WITH pe AS (
      UPDATE "ContactEmail" SET "isPrimary" = true
       WHERE "tenantId" = ${tenantId}::uuid AND id = (
             SELECT id FROM "ContactEmail" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${contactId}::uuid
              ORDER BY "createdAt", email LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM "ContactEmail" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${contactId}::uuid AND "isPrimary")
      RETURNING email
    ), pp AS (
      UPDATE "ContactPhone" SET "isPrimary" = true
       WHERE "tenantId" = ${tenantId}::uuid AND id = (
             SELECT id FROM "ContactPhone" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${contactId}::uuid
              ORDER BY "createdAt", phone LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM "ContactPhone" WHERE "tenantId" = ${tenantId}::uuid AND "contactId" = ${contactId}::uuid AND "isPrimary")
      RETURNING phone, extension
    ), primary_phone AS (
      SELECT phone, extension FROM pp
      UNION ALL
      (SELECT phone, extension FROM "ContactPhone" p
        WHERE p."tenantId" = ${tenantId}::uuid AND p."contactId" = ${contactId}::uuid AND p."isPrimary" AND NOT EXISTS (SELECT 1 FROM pp) LIMIT 1)
    ), mirror AS (
      UPDATE "Contact" c SET
        email = COALESCE((SELECT email FROM pe),
                         (SELECT email FROM "ContactEmail" e WHERE e."tenantId" = c."tenantId" AND e."contactId" = c.id AND e."isPrimary" LIMIT 1)),
        phone = (SELECT phone FROM primary_phone LIMIT 1),
        "phoneExtension" = (SELECT extension FROM primary_phone LIMIT 1)
       WHERE c."tenantId" = ${tenantId}::uuid AND c.id = ${contactId}::uuid
      RETURNING 1
    )
    SELECT (SELECT email FROM pe) AS email, (SELECT phone FROM pp) AS phone, (SELECT count(*) FROM mirror) AS mirrored`;
  return { email: rows[0]?.email ?? null, phone: rows[0]?.phone ?? null };
}

/** Copies the primary e-mail and phone rows onto the contact (the columns lists and search read). */
export async function mirrorPrimaries(tx: DbTx, tenantId: string, contactId: string) {
  await tx.$executeRaw`
    UPDATE "Contact" c SET
      email = (SELECT email FROM "ContactEmail" e WHERE e."tenantId" = c."tenantId" AND e."contactId" = c.id AND e."isPrimary" LIMIT 1),
      phone = (SELECT phone FROM "ContactPhone" p WHERE p."tenantId" = c."tenantId" AND p."contactId" = c.id AND p."isPrimary" LIMIT 1),
      "phoneExtension" = (SELECT extension FROM "ContactPhone" p WHERE p."tenantId" = c."tenantId" AND p."contactId" = c.id AND p."isPrimary" LIMIT 1)
     WHERE c."tenantId" = ${tenantId}::uuid AND c.id = ${contactId}::uuid`;
}

/** Every e-mail and phone of a contact (source, first and last seen), primary first, then oldest first. */
export async function listContactIdentities(options: { tenantId: string; contactId: string; db?: Pick<DbTx, "contactEmail" | "contactPhone"> }) {
  const { tenantId, contactId } = options;
  const tx = options.db ?? getDb();
  const [emails, phones] = await Promise.all([
    tx.contactEmail.findMany({
      where: { tenantId, contactId },
      select: { id: true, email: true, isPrimary: true, source: true, createdAt: true, lastSeenAt: true },
      orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { email: "asc" }],
    }),
    tx.contactPhone.findMany({
      where: { tenantId, contactId },
      select: { id: true, phone: true, extension: true, isPrimary: true, source: true, createdAt: true, lastSeenAt: true },
      orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { phone: "asc" }],
    }),
  ]);
  return { emails, phones };
}
