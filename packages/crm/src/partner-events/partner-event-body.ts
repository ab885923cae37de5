import { z } from "zod";
import { PARTNER_EVENT_KINDS, type PartnerEventKind, type WebsiteEventInput } from "@real-estate/types";

// The body of Follow Up Boss's `POST /v1/events`, as its public documentation and example
// requests describe it. Lead sources send loosely typed JSON: fields we use are checked, every
// other field is kept as sent (on the event's `person`/`extra`), never dropped.

const text = (max: number) => z.string().max(max);
const ZValueItem = z.looseObject({ value: z.string().trim().min(1).max(254) });
const ZSent = z.record(z.string().max(100), z.unknown());

const ZPerson = z.looseObject({
  id: z.union([z.string().max(64), z.number().int()]).optional(),
  firstName: text(120).optional(),
  lastName: text(120).optional(),
  name: text(250).optional(),
  emails: z.array(ZValueItem).max(20).optional(),
  phones: z.array(ZValueItem).max(20).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

export const PARTNER_EVENT_TOP_LEVEL_FIELDS = [
  "id",
  "source",
  "system",
  "type",
  "message",
  "description",
  "occurredAt",
  "pageUrl",
  "pageTitle",
  "pageReferrer",
  "person",
  "property",
  "propertySearch",
  "campaign",
] as const;

export const ZPartnerEventBody = z.looseObject({
  id: z.union([z.string().max(200), z.number().int()]).optional(),
  source: text(200).optional(),
  system: text(200).optional(),
  /** Follow Up Boss's event type; "General Inquiry" when left out. */
  type: z.enum(PARTNER_EVENT_KINDS).default("General Inquiry"),
  message: text(10_000).optional(),
  description: text(10_000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  pageUrl: text(2048).optional(),
  pageTitle: text(500).optional(),
  pageReferrer: text(2048).optional(),
  person: ZPerson,
  property: ZSent.optional(),
  propertySearch: ZSent.optional(),
  campaign: ZSent.optional(),
});
export type PartnerEventBody = z.output<typeof ZPartnerEventBody>;

const PERSON_FIELDS = new Set(["firstName", "lastName", "name", "emails", "phones", "tags"]);
const TOP_FIELDS = new Set<string>(PARTNER_EVENT_TOP_LEVEL_FIELDS);

/** "Inquiry" is shorthand: a Property Inquiry when a property is sent, else a General Inquiry. */
export function resolvePartnerKind(body: PartnerEventBody): Exclude<PartnerEventKind, "Inquiry"> {
  if (body.type !== "Inquiry") return body.type;
  return body.property && Object.keys(body.property).length ? "Property Inquiry" : "General Inquiry";
}

function splitName(body: PartnerEventBody): { firstName?: string; lastName?: string } {
  const p = body.person;
  const first = p.firstName?.trim();
  const last = p.lastName?.trim();
  if (first || last || !p.name?.trim()) return { firstName: first || undefined, lastName: last || undefined };
  const [head, ...rest] = p.name.trim().split(/\s+/);
  return { firstName: head, lastName: rest.join(" ") || undefined };
}

const pick = (source: Record<string, unknown>, keep: (key: string) => boolean) => {
  const out = Object.fromEntries(Object.entries(source).filter(([k, v]) => keep(k) && v !== undefined));
  return Object.keys(out).length ? out : undefined;
};

/**
 * The queued event a validated body becomes (type `lead.received`). The first e-mail and phone
 * identify the person; the others, the tags and every field we have no column for are kept on
 * the event and the timeline entry. The result is validated again by the queue (ZWebsiteEvent).
 */
export function partnerEventToWebsiteEvent(options: { tenantId: string; eventId: string; body: PartnerEventBody; now: Date }): WebsiteEventInput {
  const { body } = options;
  const emails = (body.person.emails ?? []).map((e) => e.value.trim().toLowerCase());
  const phones = (body.person.phones ?? []).map((p) => p.value.trim());
  const mlsNumber = body.property?.mlsNumber;
  const listingKey = typeof mlsNumber === "string" || typeof mlsNumber === "number" ? String(mlsNumber).slice(0, 64) : undefined;
  const contact = { ...splitName(body), email: emails[0], phone: phones[0] };
  return {
    type: "lead.received",
    eventId: options.eventId,
    tenantId: options.tenantId,
    occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : options.now.toISOString(),
    source: body.pageUrl ? { pageUrl: body.pageUrl, ...(body.pageReferrer ? { referrer: body.pageReferrer } : {}) } : {},
    payload: {
      contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)),
      ...(emails.length > 1 && { otherEmails: emails.slice(1) }),
      ...(phones.length > 1 && { otherPhones: phones.slice(1) }),
      kind: resolvePartnerKind(body),
      sourceName: body.source?.trim() || undefined,
      system: body.system?.trim() || undefined,
      message: body.message,
      description: body.description,
      pageUrl: body.pageUrl,
      pageTitle: body.pageTitle,
      pageReferrer: body.pageReferrer,
      tags: body.person.tags,
      listingKey,
      property: body.property,
      propertySearch: body.propertySearch,
      campaign: body.campaign,
      person: pick(body.person, (k) => !PERSON_FIELDS.has(k)),
      extra: pick(body, (k) => !TOP_FIELDS.has(k)),
    },
  } as WebsiteEventInput;
}
