import type { DbTx } from "@real-estate/db";
import { localMinuteOf, ROUTING_TARGET_LABELS } from "@real-estate/types";
import { assignRoutedLead, memberName, type RoutedTo } from "./assign-routed-lead";
import { matchRoutingRule, type RoutingFacts } from "./match-routing-rule";
import { takeRoundRobinTurn } from "./round-robin-member";
import { startActionPlanInTx } from "../action-plans/start-action-plan";

export type RoutingResult =
  /** The tenant has no enabled rule: the lead is left as it was. */
  { kind: "no_rules" } | { kind: "unmatched" } | { kind: "agent" | "round_robin"; ruleId: string; membershipId: string } | { kind: "pond"; ruleId: string };

const ruleSelect = {
  id: true,
  name: true,
  sources: true,
  towns: true,
  minPrice: true,
  maxPrice: true,
  listingOffice: true,
  listingAgent: true,
  fromMinute: true,
  toMinute: true,
  targetKind: true,
  targetMembershipId: true,
  rerouteAfterMinutes: true,
  actionPlanId: true,
} as const;

async function loadFacts(
  tx: DbTx,
  tenantId: string,
  options: { source: string; listingKey: string | null; timeZone: string; now: Date },
): Promise<RoutingFacts> {
  const listing = options.listingKey
    ? await tx.listing.findUnique({
        where: { tenantId_ListingKey: { tenantId, ListingKey: options.listingKey } },
        select: { ListPrice: true, townSlug: true, City: true, ListOfficeName: true, ListAgentFullName: true },
      })
    : null;
  return {
    source: options.source,
    listing: listing
      ? { price: listing.ListPrice, townSlug: listing.townSlug, city: listing.City, office: listing.ListOfficeName, agent: listing.ListAgentFullName }
      : null,
    localMinute: localMinuteOf(options.now, options.timeZone),
  };
}

const dueAfter = (now: Date, minutes: number | null) => (minutes ? new Date(now.getTime() + minutes * 60_000) : null);

/**
 * Routes a lead the moment its CRM record is created, inside the transaction that created it:
 * the first enabled rule (by position) whose conditions hold sends it to one agent, to the next
 * available member of a round robin (away members skipped; everyone away sends it to the pond),
 * or to the shared pond, then starts the rule's action plan on it, if it names one. The decision
 * and its reasons go on the lead's timeline. Because it runs
 * in the creating transaction, a retried or duplicated event (stopped by the ingestion ledger)
 * never routes a lead twice.
 */
export async function routeNewLead(
  tx: DbTx,
  options: { tenantId: string; leadId: string; contactId: string; source: string; listingKey: string | null; timeZone: string; now: Date },
): Promise<RoutingResult> {
  const { tenantId, leadId, contactId, now } = options;
  const rules = await tx.routingRule.findMany({ where: { tenantId, enabled: true }, orderBy: [{ position: "asc" }, { id: "asc" }], select: ruleSelect });
  if (!rules.length) return { kind: "no_rules" };
  const facts = await loadFacts(tx, tenantId, options);
  for (const rule of rules) {
    const { matches, reasons } = matchRoutingRule(rule, facts);
    if (!matches) continue;
    const why = `Why: ${reasons.join("; ")}.`;
    const base = { ruleId: rule.id, ruleName: rule.name, target: rule.targetKind, reasons };
    let membershipId: string | null = rule.targetKind === "AGENT" ? rule.targetMembershipId : null;
    let allAway = false;
    if (rule.targetKind === "ROUND_ROBIN") {
      membershipId = await takeRoundRobinTurn(tx, { tenantId, ruleId: rule.id });
      allAway = !membershipId;
    }
    let to: RoutedTo;
    if (membershipId) {
      const name = await memberName(tx, tenantId, membershipId);
      const timer = rule.rerouteAfterMinutes ? ` Routed again if not contacted within ${rule.rerouteAfterMinutes} minutes.` : "";
      to = {
        membershipId,
        pond: false,
        ruleId: rule.id,
        contactDueAt: dueAfter(now, rule.rerouteAfterMinutes),
        title: `Assigned to ${name} by routing rule “${rule.name}” (${ROUTING_TARGET_LABELS[rule.targetKind].toLowerCase()})`,
        body: why + timer,
        metadata: { routing: { ...base, reason: "rule" }, from: null, to: membershipId },
      };
    } else {
      to = {
        membershipId: null,
        pond: true,
        ruleId: rule.id,
        contactDueAt: null,
        title: allAway
          ? `Sent to the shared pond by routing rule “${rule.name}”: everyone in the round robin is away`
          : `Sent to the shared pond by routing rule “${rule.name}”`,
        body: why,
        metadata: { routing: { ...base, reason: allAway ? "all_away" : "rule" }, from: null, to: null },
      };
    }
    await assignRoutedLead(tx, { tenantId, leadId, contactId, to, now });
    // An archived plan starts on nothing new; the rule still routes.
    if (rule.actionPlanId) await startActionPlanInTx(tx, { tenantId, leadId, planId: rule.actionPlanId, routingRuleId: rule.id, now });
    return membershipId ? { kind: rule.targetKind === "AGENT" ? "agent" : "round_robin", ruleId: rule.id, membershipId } : { kind: "pond", ruleId: rule.id };
  }
  await tx.activity.create({
    data: {
      tenantId,
      contactId,
      leadId,
      type: "ASSIGNMENT",
      title: "Not routed: no routing rule matched this lead",
      body: "The lead waits unassigned for an owner.",
      metadata: { routing: { reason: "unmatched" } },
      occurredAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return { kind: "unmatched" };
}
