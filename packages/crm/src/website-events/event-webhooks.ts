/**
 * The outbound webhooks of an applied website or partner event (contact.created,
 * contact.updated, lead.created, lead.assigned): which of them the tenant's endpoints subscribe
 * to, the contact read their payloads need, and the deliveries queued in the event's transaction
 * (emitWebhookEvents). processWebsiteEvent calls prepareEventWebhooks before a new lead's round
 * robin turn and the returned writer after it; the event's CRM writes stay in
 * process-website-event.ts.
 */
import type { DbTx } from "@real-estate/db";
import type { WebsiteEvent } from "@real-estate/types";
import { webhookEndpointsOf } from "@real-estate/integrations";
import type { EventEffect } from "./describe-event";
import { describeContactChanges, type EventContactResult } from "./upsert-event-contact";
import type { LeadActivityRow } from "./process-website-event";
import type { RoutingResult } from "../routing/route-new-lead";
import { contactData, emitWebhookEvents } from "../shared/webhook-events";
import { contactSelect } from "../shared/crm-selects";

/** What an applied event's webhooks are made of. */
type EventWebhookSource = {
  tenantId: string;
  event: WebsiteEvent;
  effect: EventEffect;
  contact: EventContactResult;
  written: LeadActivityRow;
  now: Date;
};

/**
 * The webhook events of an applied website or partner event: the person, a new lead, its routing.
 * Reads what the payloads need first and returns the writer, so that the reads come before a
 * round robin's turn (see prepareLeadRouting) and only the writes after it.
 */
export async function prepareEventWebhooks(
  tx: DbTx,
  o: EventWebhookSource & {
    /** True when a new lead is being routed: it may be assigned (lead.assigned). */
    routing: boolean;
  },
): Promise<(routing: RoutingResult | null) => Promise<void>> {
  const none = async () => undefined;
  const { tenantId, contact, written } = o;
  const changed = !contact.created && (contact.mergedIds.length > 0 || describeContactChanges(contact) !== null);
  const types = [
    ...(contact.created ? ["contact.created"] : []),
    ...(changed ? ["contact.updated"] : []),
    ...(written.leadCreated ? ["lead.created"] : []),
    ...(o.routing ? ["lead.assigned"] : []),
  ];
  if (types.length === 0) return none;
  // The contact is read for the payloads only when an endpoint is subscribed to one of them.
  const endpoints = await webhookEndpointsOf(tx, tenantId);
  if (!endpoints.some((e) => types.some((t) => e.events.includes(t)))) return none;
  const row = await readContact(tx, tenantId, contact.contactId);
  if (!row) return none;
  return (routing) => emitEventWebhooks(tx, { ...o, routing, row, endpoints });
}

async function emitEventWebhooks(
  tx: DbTx,
  o: EventWebhookSource & {
    routing: RoutingResult | null;
    row: NonNullable<Awaited<ReturnType<typeof readContact>>>;
    endpoints: Awaited<ReturnType<typeof webhookEndpointsOf>>;
  },
) {
  const { tenantId, contact, written, row } = o;
  const changed = !contact.created && (contact.mergedIds.length > 0 || describeContactChanges(contact) !== null);
  const types = [
    ...(contact.created ? ["contact.created"] : []),
    ...(changed ? ["contact.updated"] : []),
    ...(written.leadCreated ? ["lead.created"] : []),
    ...(o.routing && "membershipId" in o.routing ? ["lead.assigned"] : []),
  ];
  if (types.length === 0) return;
  const actor = { kind: "event", eventId: o.event.eventId, eventType: o.event.type };
  await emitWebhookEvents(
    tx,
    tenantId,
    [
      ...(contact.created ? [{ type: "contact.created" as const, contactId: row.id, data: { contact: contactData(row), actor } }] : []),
      ...(changed
        ? [{ type: "contact.updated" as const, contactId: row.id, data: { contact: contactData(row), mergedContactIds: contact.mergedIds, actor } }]
        : []),
      ...(written.leadCreated
        ? [
            {
              type: "lead.created" as const,
              contactId: row.id,
              data: { lead: { id: written.leadId, contactId: row.id, status: "NEW", source: o.effect.leadSource, listingKey: o.effect.listingKey }, actor },
            },
          ]
        : []),
      ...(o.routing && "membershipId" in o.routing
        ? [
            {
              type: "lead.assigned" as const,
              contactId: row.id,
              data: { leadId: written.leadId, contactId: row.id, from: null, to: o.routing.membershipId, actor: { kind: "routing", ruleId: o.routing.ruleId } },
            },
          ]
        : []),
    ],
    o.now,
    o.endpoints,
  );
}

function readContact(tx: DbTx, tenantId: string, contactId: string) {
  return tx.contact.findUnique({ where: { tenantId_id: { tenantId, id: contactId } }, select: contactSelect });
}
