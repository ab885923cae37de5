import type { TWebsiteEventInput } from "@real-estate/types";
import type { TVisitorProfile } from "@real-estate/db/visitors";
import { enqueueWebsiteEvent } from "@real-estate/db/queue";
import { splitName } from "../forms/fields";

type TVisitorEventBody =
  | { type: "visitor.registered" }
  | { type: "listing.saved"; listingKey: string }
  | { type: "search.saved"; name: string; query: Record<string, string> };

/**
 * Tells the CRM what a visitor did. The eventId is derived from what happened, so the same
 * action never queues twice. Returns false when it could not be queued (the action itself stands).
 */
export async function emitVisitorEvent(options: {
  tenantId: string;
  visitor: Pick<TVisitorProfile, "id" | "email" | "name" | "phone">;
  body: TVisitorEventBody;
  eventKey: string;
  request: Request;
}): Promise<boolean> {
  const { visitor, body } = options;
  const contact = { ...splitName(visitor.name ?? undefined), email: visitor.email, ...(visitor.phone ? { phone: visitor.phone } : {}) };
  const base = {
    eventId: `${body.type}:${visitor.id}:${options.eventKey}`.slice(0, 255),
    tenantId: options.tenantId,
    occurredAt: new Date().toISOString(),
    source: { ...(options.request.headers.get("referer") ? { pageUrl: options.request.headers.get("referer")!.slice(0, 2048) } : {}) },
  };
  const { type: _t, ...rest } = body;
  const event = { ...base, type: body.type, payload: { visitorId: visitor.id, contact, ...rest } } as TWebsiteEventInput;
  try {
    await enqueueWebsiteEvent({ tenantId: options.tenantId, event });
    return true;
  } catch (error) {
    console.error(`web: could not queue ${body.type}: ${(error as Error).message?.split("\n").slice(-1)[0]}`);
    return false;
  }
}
