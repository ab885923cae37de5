import { trackingText, type WebsiteEventInput } from "@real-estate/types";
import type { VisitorProfile } from "@real-estate/sites";
import { enqueueWebsiteEvent, requestHash } from "@real-estate/queue";
import { requestIdOf } from "@real-estate/http";
import { splitName } from "../forms/fields";

function eventSourceOf(request: Request): { pageUrl?: string; requestId?: string } {
  const pageUrl = trackingText(request.headers.get("referer"), 2048);
  const requestId = requestIdOf(request.headers);
  return { ...(pageUrl ? { pageUrl } : {}), ...(requestId ? { requestId } : {}) };
}

type TVisitorEventBody =
  | { type: "visitor.registered" }
  | { type: "listing.saved"; listingKey: string }
  | { type: "listing.viewed"; listingKey: string }
  | { type: "search.saved"; name: string; query: Record<string, string> };

/**
 * Tells the CRM what a visitor did. The eventId is derived from what happened, so the same
 * action never queues twice. Returns false when it could not be queued (the action itself stands).
 */
export async function emitVisitorEvent(options: {
  tenantId: string;
  visitor: Pick<VisitorProfile, "id" | "email" | "name" | "phone" | "phoneExtension">;
  body: TVisitorEventBody;
  eventKey: string;
  request: Request;
}): Promise<boolean> {
  const { visitor, body } = options;
  const contact = {
    ...splitName(visitor.name ?? undefined),
    email: visitor.email,
    ...(visitor.phone ? { phone: visitor.phone, ...(visitor.phoneExtension ? { phoneExtension: visitor.phoneExtension } : {}) } : {}),
  };
  const base = {
    eventId: `${body.type}:${visitor.id}:${options.eventKey}`.slice(0, 255),
    tenantId: options.tenantId,
    occurredAt: new Date().toISOString(),
    source: eventSourceOf(options.request),
  };
  const { type: _t, ...rest } = body;
  const event = { ...base, type: body.type, payload: { visitorId: visitor.id, contact, ...rest } } as WebsiteEventInput;
  try {
    // The eventId names the action; the contact details may change between repeats of it.
    await enqueueWebsiteEvent({ tenantId: options.tenantId, event, requestHash: requestHash({ type: body.type, visitorId: visitor.id, ...rest }) });
    return true;
  } catch (error) {
    console.error(`web: could not queue ${body.type}: ${(error as Error).message?.split("\n").slice(-1)[0]}`);
    return false;
  }
}
