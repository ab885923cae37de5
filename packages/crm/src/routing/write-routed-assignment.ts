import type { DbTx } from "@real-estate/db";
import { Prisma } from "@real-estate/db";
import { QUEUE_NOTIFY_CHANNEL } from "@real-estate/queue";

/** What the assignment statement writes besides the member: the rule, the timeline entry's words. */
export type AssignmentWrite = {
  tenantId: string;
  leadId: string;
  contactId: string;
  /** The ASSIGNMENT activity's id (taken before the rest of the transaction's timeline entries). */
  activityId: string;
  ruleId: string;
  now: Date;
  /** The re-routing deadline when a member gets the lead; null: no timer. */
  contactDueAt: Date | null;
  /** Title when a member gets the lead: `Assigned to <name>` + this. */
  assignedSuffix: string;
  assignedBody: string;
  /** The timeline metadata when a member gets the lead (`to` is added). */
  assignedMetadata: Prisma.InputJsonObject;
  pondTitle: string;
  pondBody: string;
  pondMetadata: Prisma.InputJsonObject;
};

/**
 * The new-lead alert to the member a round robin is about to pick, rendered before the turn with
 * `nameToken` where the recipient's name goes (the mail package's `prepareAssigneeLeadAlert`):
 * the assignment statement fills in the member's name and address, writes the message and queues
 * its delivery, so nothing is left to send between the turn and the commit.
 */
export type AssigneeAlert = {
  /** The message's id. */
  id: string;
  template: string;
  category: string;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  /** JSON object of extra headers. */
  headers: string;
  contactId: string;
  leadId: string;
  /** Stands for the recipient's name in subject, html and text. */
  nameToken: string;
  /** The dedupe key without the member: one message per (inquiry, recipient), ever. */
  dedupePrefix: string;
  /** The Message-ID's domain (the hash before it mirrors the outbox's messageIdFor). */
  messageIdDomain: string;
  /** The delivery job's kind. */
  deliverKind: string;
  requestId: string | null;
};

/** Text escaped for HTML as React's renderer escapes it. */
const htmlEscaped = (text: Prisma.Sql) =>
  Prisma.sql`replace(replace(replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#x27;')`;

/**
 * The alert's message and its delivery job for the member in `next` (a round robin's pick, with
 * "recipientName" and "email"), written only when the lead was; no member: nothing.
 */
function alertWrites(o: AssignmentWrite, alert: AssigneeAlert | undefined): { ctes: Prisma.Sql; written: Prisma.Sql } {
  if (!alert) return { ctes: Prisma.empty, written: Prisma.sql`false` };
  const { tenantId, now } = o;
  const token = alert.nameToken;
  const name = Prisma.sql`COALESCE(n."recipientName", '')`;
  return {
    ctes: Prisma.sql`,
    email AS (
      INSERT INTO "EmailMessage" ("tenantId", id, "messageId", template, category, "toAddress", "toName", "fromAddress", "fromName", "replyTo",
                                  subject, html, text, headers, "contactId", "leadId", "createdAt", "updatedAt")
      SELECT ${tenantId}::uuid, ${alert.id}::uuid,
             substr(encode(sha256(convert_to(${tenantId}::text || chr(10) || ${alert.dedupePrefix}::text || n."membershipId"::text, 'UTF8')), 'hex'), 1, 32)
               || '@' || ${alert.messageIdDomain}::text,
             ${alert.template}, ${alert.category}, n.email, n."recipientName", ${alert.fromAddress}, ${alert.fromName}, ${alert.replyTo}::text,
             replace(${alert.subject}::text, ${token}::text, ${name}),
             replace(${alert.html}::text, ${token}::text, ${htmlEscaped(name)}),
             replace(${alert.text}::text, ${token}::text, ${name}),
             ${alert.headers}::jsonb, ${alert.contactId}::uuid, ${alert.leadId}::uuid, ${now}::timestamp(3), ${now}::timestamp(3)
        FROM next n
       WHERE n."membershipId" IS NOT NULL AND n.email IS NOT NULL AND EXISTS (SELECT 1 FROM lead)
      ON CONFLICT ("tenantId", "messageId") DO NOTHING
      RETURNING id
    ), delivery AS (
      INSERT INTO "IngestionJob" ("tenantId", kind, "eventId", "eventType", payload, "requestId", "nextAttemptAt", "updatedAt")
      SELECT ${tenantId}::uuid, ${alert.deliverKind}, e.id::text, ${alert.deliverKind}, jsonb_build_object('emailId', e.id::text), ${alert.requestId}::text, now(), now()
        FROM email e
      ON CONFLICT ("tenantId", kind, "eventId") DO NOTHING
      RETURNING 1
    ), wake AS (
      SELECT pg_notify(${QUEUE_NOTIFY_CHANNEL}, '') WHERE EXISTS (SELECT 1 FROM delivery)
    )`,
    // The count of wake is read so that the NOTIFY runs (an unreferenced SELECT in WITH never does).
    written: Prisma.sql`(SELECT count(*) FROM delivery) + (SELECT count(*) FROM wake) > 0`,
  };
}

/**
 * One statement that writes a routing decision: the member chosen by `member` (a query giving
 * at most one row of "membershipId" and name; none: the shared pond) is set on the lead and named
 * on the lead's timeline; with an `alert` (the member query then also gives "recipientName" and
 * "email"), the member's new-lead e-mail and its delivery job are written too.
 */
async function writeAssignment(
  tx: DbTx,
  o: AssignmentWrite,
  member: Prisma.Sql,
  alert?: AssigneeAlert,
): Promise<{ membershipId: string | null; alertWritten: boolean }> {
  const { tenantId, leadId, ruleId, now } = o;
  const alertSql = alertWrites(o, alert);
  const rows = await tx.$queryRaw<{ membershipId: string | null; written: boolean; alertWritten: boolean }[]>`
    WITH next AS (${member}),
    lead AS (
      UPDATE "Lead" l SET
        "assignedMembershipId" = (SELECT "membershipId" FROM next),
        "pooledAt" = CASE WHEN EXISTS (SELECT 1 FROM next) THEN NULL ELSE ${now}::timestamp(3) END,
        "routingRuleId" = ${ruleId}::uuid,
        "contactDueAt" = CASE WHEN EXISTS (SELECT 1 FROM next) THEN ${o.contactDueAt}::timestamp(3) ELSE NULL END,
        version = l.version + 1,
        "updatedAt" = ${now}::timestamp(3)
       WHERE l."tenantId" = ${tenantId}::uuid AND l.id = ${leadId}::uuid
      RETURNING l.id
    ), activity AS (
      INSERT INTO "Activity" ("tenantId", id, "contactId", "leadId", type, title, body, metadata, "occurredAt", "createdAt")
      SELECT ${tenantId}::uuid, ${o.activityId}::uuid, ${o.contactId}::uuid, ${leadId}::uuid, 'ASSIGNMENT'::"ActivityType",
             CASE WHEN n."membershipId" IS NULL THEN ${o.pondTitle} ELSE 'Assigned to ' || COALESCE(n.name, 'a former member') || ${o.assignedSuffix} END,
             CASE WHEN n."membershipId" IS NULL THEN ${o.pondBody} ELSE ${o.assignedBody} END,
             CASE WHEN n."membershipId" IS NULL THEN ${JSON.stringify(o.pondMetadata)}::jsonb
                  ELSE ${JSON.stringify(o.assignedMetadata)}::jsonb || jsonb_build_object('to', n."membershipId"::text) END,
             ${now}::timestamp(3), ${now}::timestamp(3)
        FROM (SELECT 1) AS one LEFT JOIN next n ON true
       WHERE EXISTS (SELECT 1 FROM lead)
      RETURNING id
    )${alertSql.ctes}
    SELECT (SELECT "membershipId"::text FROM next) AS "membershipId", EXISTS (SELECT 1 FROM activity) AS written, ${alertSql.written} AS "alertWritten"`;
  if (!rows[0]?.written) throw new Error("routing: the new lead to assign was not found");
  return { membershipId: rows[0].membershipId, alertWritten: rows[0].alertWritten };
}

/** Assigns the lead to one named member (an agent rule). */
export async function writeAgentAssignment(tx: DbTx, o: AssignmentWrite & { membershipId: string }): Promise<string | null> {
  const member = Prisma.sql`
    SELECT ${o.membershipId}::uuid AS "membershipId",
           (SELECT u.name FROM "TenantMembership" tm JOIN "user" u ON u.id = tm."userId"
             WHERE tm."tenantId" = ${o.tenantId}::uuid AND tm.id = ${o.membershipId}::uuid) AS name`;
  return (await writeAssignment(tx, o, member)).membershipId;
}

/** Sends the lead to the shared pond. */
export async function writePondAssignment(tx: DbTx, o: AssignmentWrite): Promise<void> {
  await writeAssignment(tx, o, Prisma.sql`SELECT NULL::uuid AS "membershipId", NULL::text AS name WHERE false`);
}

/**
 * Takes a round robin's turn and assigns the lead in one statement, meant to be the last write
 * of the transaction that created the lead (everything else that does not depend on the member,
 * the plan's start and the alert's read and render included, is done before): the rule row's
 * lock is then held from this statement to the commit only, with no round trip to the client in
 * between, so leads of one rule are routed concurrently up to here, and one after another only
 * for the rest of this statement and the commit.
 *
 * `routing_round_robin_turn` (a database function) bumps the rule's turn counter, which locks its
 * row: two transactions routing on the same rule queue there. Its pick is a statement of its own
 * that runs after the lock is granted, so under READ COMMITTED its fresh snapshot sees the
 * previous holder's committed turn; it picks the available (not away) member who has waited
 * longest since their last lead, ties broken by the group's order, and marks their turn. The
 * same statement writes the lead and its timeline entry and, given an `alert`, the member's
 * new-lead e-mail and its delivery job. Nobody available (or the rule deleted meanwhile): the
 * shared pond, and no alert. Returns the member (null for the pond) and whether the alert was
 * written now (false: none given, no member, or the message existed already).
 */
export async function writeRoundRobinAssignment(
  tx: DbTx,
  o: AssignmentWrite,
  alert?: AssigneeAlert,
): Promise<{ membershipId: string | null; alertWritten: boolean }> {
  const member = Prisma.sql`
    SELECT member_id AS "membershipId", member_name AS name, recipient_name AS "recipientName", recipient_email AS email
      FROM routing_round_robin_turn(${o.tenantId}::uuid, ${o.ruleId}::uuid)`;
  return writeAssignment(tx, o, member, alert);
}
