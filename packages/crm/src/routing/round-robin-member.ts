import type { DbTx } from "@real-estate/db";

/**
 * The next member of a round-robin rule: the available (not away, not excluded) member who has waited longest
 * since their last lead, ties broken by the group's order. The rule row is locked first, so two
 * transactions routing at once queue here and each sees the other's turn (READ COMMITTED takes a
 * fresh snapshot per statement). Returns null when every member is away or excluded.
 */
export async function takeRoundRobinTurn(tx: DbTx, options: { tenantId: string; ruleId: string; exclude?: string[] }): Promise<string | null> {
  const { tenantId, ruleId } = options;
  const locked = await tx.$queryRaw<{ turns: number }[]>`
    SELECT turns FROM "RoutingRule" WHERE "tenantId" = ${tenantId}::uuid AND id = ${ruleId}::uuid FOR UPDATE`;
  if (!locked.length) return null;
  const [next] = await tx.$queryRaw<{ membershipId: string }[]>`
    SELECT m."membershipId"::text AS "membershipId"
      FROM "RoutingRuleMember" m
      JOIN "TenantMembership" tm ON tm."tenantId" = m."tenantId" AND tm.id = m."membershipId"
     WHERE m."tenantId" = ${tenantId}::uuid AND m."ruleId" = ${ruleId}::uuid AND NOT tm.away
       AND NOT (m."membershipId"::text = ANY(${options.exclude ?? []}::text[]))
     ORDER BY m."lastTurn", m.position, m."membershipId"
     LIMIT 1`;
  if (!next) return null;
  await tx.$executeRaw`
    WITH turn AS (
      UPDATE "RoutingRule" SET turns = turns + 1 WHERE "tenantId" = ${tenantId}::uuid AND id = ${ruleId}::uuid RETURNING turns
    )
    UPDATE "RoutingRuleMember" SET "lastTurn" = (SELECT turns FROM turn)
     WHERE "tenantId" = ${tenantId}::uuid AND "ruleId" = ${ruleId}::uuid AND "membershipId" = ${next.membershipId}::uuid`;
  return next.membershipId;
}
