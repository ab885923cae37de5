import type { DbTx } from "@real-estate/db";
import { Prisma } from "@real-estate/db";

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
 * One statement that writes a routing decision: the member chosen by `member` (a query giving
 * at most one row of "membershipId" and name; none: the shared pond) is set on the lead, marked as
 * having had the round robin's `turn` when one is given, and named on the lead's timeline.
 */
async function writeAssignment(tx: DbTx, o: AssignmentWrite, member: Prisma.Sql, turn: number | null): Promise<string | null> {
  const { tenantId, leadId, ruleId, now } = o;
  const rows = await tx.$queryRaw<{ membershipId: string | null; written: boolean }[]>`
    WITH next AS (${member}),
    marked AS (
      UPDATE "RoutingRuleMember" rm SET "lastTurn" = ${turn}::int
        FROM next
       WHERE ${turn}::int IS NOT NULL AND rm."tenantId" = ${tenantId}::uuid AND rm."ruleId" = ${ruleId}::uuid AND rm."membershipId" = next."membershipId"
      RETURNING rm."membershipId"
    ), lead AS (
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
    )
    SELECT (SELECT "membershipId"::text FROM next) AS "membershipId", EXISTS (SELECT 1 FROM activity) AS written`;
  if (!rows[0]?.written) throw new Error("routing: the new lead to assign was not found");
  return rows[0].membershipId;
}

/** Assigns the lead to one named member (an agent rule). */
export function writeAgentAssignment(tx: DbTx, o: AssignmentWrite & { membershipId: string }): Promise<string | null> {
  const member = Prisma.sql`
    SELECT ${o.membershipId}::uuid AS "membershipId",
           (SELECT u.name FROM "TenantMembership" tm JOIN "user" u ON u.id = tm."userId"
             WHERE tm."tenantId" = ${o.tenantId}::uuid AND tm.id = ${o.membershipId}::uuid) AS name`;
  return writeAssignment(tx, o, member, null);
}

/** Sends the lead to the shared pond. */
export async function writePondAssignment(tx: DbTx, o: AssignmentWrite): Promise<void> {
  await writeAssignment(tx, o, Prisma.sql`SELECT NULL::uuid AS "membershipId", NULL::text AS name WHERE false`, null);
}

/**
 * Takes a round robin's turn and assigns the lead in two statements, meant to be the last writes
 * of the transaction that created the lead (everything else that does not depend on the member,
 * the plan's start included, is written before): the rule row's lock is then held from here to
 * the commit only, so leads of one rule are routed concurrently up to this point.
 *
 * The first statement bumps the rule's turn counter, which locks its row: two transactions
 * routing on the same rule queue here. The second runs after the lock is granted, so under READ
 * COMMITTED its fresh snapshot sees the previous holder's committed turn, and picks the available
 * (not away) member who has waited longest since their last lead, ties broken by the group's
 * order, marks their turn, writes the lead and its timeline entry. Nobody available (or the rule
 * deleted meanwhile): the shared pond. Returns the member, or null for the pond.
 */
export async function writeRoundRobinAssignment(tx: DbTx, o: AssignmentWrite): Promise<string | null> {
  const { tenantId, ruleId } = o;
  const [rule] = await tx.$queryRaw<{ turns: number }[]>`
    UPDATE "RoutingRule" SET turns = turns + 1 WHERE "tenantId" = ${tenantId}::uuid AND id = ${ruleId}::uuid RETURNING turns`;
  const member = rule
    ? Prisma.sql`
        SELECT m."membershipId", u.name
          FROM "RoutingRuleMember" m
          JOIN "TenantMembership" tm ON tm."tenantId" = m."tenantId" AND tm.id = m."membershipId"
          JOIN "user" u ON u.id = tm."userId"
         WHERE m."tenantId" = ${tenantId}::uuid AND m."ruleId" = ${ruleId}::uuid AND NOT tm.away
         ORDER BY m."lastTurn", m.position, m."membershipId"
         LIMIT 1`
    : Prisma.sql`SELECT NULL::uuid AS "membershipId", NULL::text AS name WHERE false`;
  return writeAssignment(tx, o, member, rule ? rule.turns : null);
}
