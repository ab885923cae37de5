import type { DbTx } from "@real-estate/db";
import { localMinuteOf, ROUTING_TARGET_LABELS } from "@real-estate/types";
import { v7 as uuidv7 } from "uuid";
import { matchRoutingRule, type RoutingFacts } from "./match-routing-rule";
import { writeAgentAssignment, writePondAssignment, writeRoundRobinAssignment, type AssigneeAlert, type AssignmentWrite } from "./write-routed-assignment";
import { startPlanOnNewLead } from "../action-plans/start-action-plan";

export type { AssigneeAlert } from "./write-routed-assignment";

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

/** The listing facts routing compares (the caller usually read the listing already). */
export type RoutingListing = RoutingFacts["listing"];

async function loadListing(tx: DbTx, tenantId: string, listingKey: string | null): Promise<RoutingListing> {
  const listing = listingKey
    ? await tx.listing.findUnique({
        where: { tenantId_ListingKey: { tenantId, ListingKey: listingKey } },
        select: { ListPrice: true, townSlug: true, City: true, ListOfficeName: true, ListAgentFullName: true },
      })
    : null;
  return listing
    ? { price: listing.ListPrice, townSlug: listing.townSlug, city: listing.City, office: listing.ListOfficeName, agent: listing.ListAgentFullName }
    : null;
}

const dueAfter = (now: Date, minutes: number | null) => (minutes ? new Date(now.getTime() + minutes * 60_000) : null);

/**
 * The second step of routing a new lead: writes the assignment (see prepareLeadRouting). When
 * `takesTurn` (a round robin), it also takes the new-lead alert for the member it picks, rendered
 * beforehand, and writes it in the same statement; `alertWritten` says it did.
 */
export type AssignRoutedLead = ((alert?: AssigneeAlert | null) => Promise<{ routing: RoutingResult; alertWritten: boolean }>) & { takesTurn: boolean };

const step = (takesTurn: boolean, fn: (alert?: AssigneeAlert | null) => Promise<{ routing: RoutingResult; alertWritten: boolean }>): AssignRoutedLead =>
  Object.assign(fn, { takesTurn });

/**
 * Routes a lead the moment its CRM record is created, inside the transaction that created it, in
 * two steps. This first step finds the first enabled rule (by position) whose conditions hold and
 * starts the rule's action plan on the lead, if it names one; it returns the second step, which
 * the caller runs as late as it can (after every write that does not depend on the agent, before
 * what does: the webhooks and the new-lead alert): it sends the lead to the rule's agent, to the
 * next available member of a round robin (away members skipped; everyone away sends it to the
 * pond), or to the shared pond, with the decision and its reasons on the lead's timeline. A round
 * robin's turn locks the rule's row until commit, so it is taken in one statement with the
 * assignment and the agent's alert (decision 0057), as the transaction's last write. Because both steps run in the creating transaction, a retried or
 * duplicated event (stopped by the ingestion ledger) never routes a lead twice, and a rolled back
 * transaction takes no turn.
 */
export async function prepareLeadRouting(
  tx: DbTx,
  options: {
    tenantId: string;
    leadId: string;
    contactId: string;
    source: string;
    listingKey: string | null;
    /** The lead's listing as the caller read it; undefined: read here. */
    listing?: RoutingListing;
    timeZone: string;
    now: Date;
  },
): Promise<AssignRoutedLead> {
  const { tenantId, leadId, contactId, now } = options;
  const rules = await tx.routingRule.findMany({ where: { tenantId, enabled: true }, orderBy: [{ position: "asc" }, { id: "asc" }], select: ruleSelect });
  if (!rules.length) return step(false, async () => ({ routing: { kind: "no_rules" }, alertWritten: false }));
  const facts: RoutingFacts = {
    source: options.source,
    listing: options.listing !== undefined ? options.listing : await loadListing(tx, tenantId, options.listingKey),
    localMinute: localMinuteOf(now, options.timeZone),
  };
  for (const rule of rules) {
    const { matches, reasons } = matchRoutingRule(rule, facts);
    if (!matches) continue;
    // Taken now, so the assignment comes before the plan's start on the timeline.
    const activityId = uuidv7();
    // An archived plan starts on nothing new; the rule still routes.
    if (rule.actionPlanId) await startPlanOnNewLead(tx, { tenantId, leadId, contactId, planId: rule.actionPlanId, routingRuleId: rule.id, now });
    const why = `Why: ${reasons.join("; ")}.`;
    const base = { ruleId: rule.id, ruleName: rule.name, target: rule.targetKind, reasons };
    const allAway = rule.targetKind === "ROUND_ROBIN";
    const write: AssignmentWrite = {
      tenantId,
      leadId,
      contactId,
      activityId,
      ruleId: rule.id,
      now,
      contactDueAt: dueAfter(now, rule.rerouteAfterMinutes),
      assignedSuffix: ` by routing rule “${rule.name}” (${ROUTING_TARGET_LABELS[rule.targetKind].toLowerCase()})`,
      assignedBody: why + (rule.rerouteAfterMinutes ? ` Routed again if not contacted within ${rule.rerouteAfterMinutes} minutes.` : ""),
      assignedMetadata: { routing: { ...base, reason: "rule" }, from: null },
      pondTitle: allAway
        ? `Sent to the shared pond by routing rule “${rule.name}”: everyone in the round robin is away`
        : `Sent to the shared pond by routing rule “${rule.name}”`,
      pondBody: why,
      pondMetadata: { routing: { ...base, reason: allAway ? "all_away" : "rule" }, from: null, to: null },
    };
    if (rule.targetKind === "ROUND_ROBIN") {
      return step(true, async (alert) => {
        const { membershipId, alertWritten } = await writeRoundRobinAssignment(tx, write, alert ?? undefined);
        return { routing: membershipId ? { kind: "round_robin", ruleId: rule.id, membershipId } : { kind: "pond", ruleId: rule.id }, alertWritten };
      });
    }
    return step(false, async () => {
      if (rule.targetKind === "POND" || !rule.targetMembershipId) {
        await writePondAssignment(tx, write);
        return { routing: { kind: "pond", ruleId: rule.id }, alertWritten: false };
      }
      const membershipId = await writeAgentAssignment(tx, { ...write, membershipId: rule.targetMembershipId });
      return { routing: membershipId ? { kind: "agent", ruleId: rule.id, membershipId } : { kind: "pond", ruleId: rule.id }, alertWritten: false };
    });
  }
  return step(false, async () => {
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
    return { routing: { kind: "unmatched" }, alertWritten: false };
  });
}

/** Routes a new lead in one go (prepareLeadRouting, then its assignment at once). */
export async function routeNewLead(tx: DbTx, options: Parameters<typeof prepareLeadRouting>[1]): Promise<RoutingResult> {
  return (await (await prepareLeadRouting(tx, options))()).routing;
}
