import crypto from "node:crypto";
import { webEnv } from "@/lib/env";
import { isBotSubmission } from "@/lib/forms/bot-traps";
import { consentRecord } from "@/lib/forms/consent-record";
import { eventSource } from "@/lib/forms/event-source";
import { eventPhone, fieldErrors, flattenContact, splitName } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { leadSubmissionSchema } from "@/lib/forms/lead-schema";
import { acceptedResponse, enqueueAndRespond, invalidResponse, submissionHash } from "@/lib/forms/submit-event";

/** Contact message or listing inquiry → `lead.submitted`, queued for the CRM. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const { tenant, kind, data } = guard;
  const listingKey = typeof data.listingKey === "string" ? data.listingKey : "";
  const thankYou = listingKey ? `/thank-you?form=inquiry` : "/thank-you?form=contact";
  const backPath = listingKey ? `/homes/${encodeURIComponent(listingKey.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}` : "/contact";
  // Bots get the same thank-you as people, and nothing is queued.
  if (isBotSubmission({ data, kind, minFillMs: webEnv().WEB_FORM_MIN_FILL_MS })) return acceptedResponse(kind, crypto.randomUUID(), thankYou);
  const parsed = leadSubmissionSchema(tenant.country).safeParse(flattenContact(data));
  if (!parsed.success) return invalidResponse(kind, fieldErrors(parsed.error), backPath);
  const input = parsed.data;
  const occurredAt = new Date().toISOString();
  const source = eventSource(request, data);
  const consent = consentRecord(input.consent, source, occurredAt);
  return enqueueAndRespond({
    tenantId: tenant.tenantId,
    kind,
    requestHash: submissionHash("lead", input),
    thankYouPath: thankYou,
    backPath,
    event: {
      type: "lead.submitted",
      eventId: input.eventId ?? crypto.randomUUID(),
      tenantId: tenant.tenantId,
      occurredAt,
      source,
      payload: {
        contact: { ...splitName(input.name), ...(input.email ? { email: input.email } : {}), ...eventPhone(input.phone) },
        ...(input.message ? { message: input.message } : {}),
        ...(input.listingKey ? { listingKey: input.listingKey } : {}),
        ...(consent ? { consent } : {}),
      },
    },
  });
}
