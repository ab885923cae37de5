import crypto from "node:crypto";
import { estimateHomeValue, type HomeValueEstimate } from "@real-estate/sites";
import { webEnv } from "@/lib/env";
import { isBotSubmission } from "@/lib/forms/bot-traps";
import { consentRecord } from "@/lib/forms/consent-record";
import { eventSource } from "@/lib/forms/event-source";
import { eventPhone, fieldErrors, flattenContact, splitName } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { serviceUnavailable } from "@/lib/forms/responses";
import { acceptedResponse, enqueueAndRespond, invalidResponse, submissionHash } from "@/lib/forms/submit-event";
import { estimateQuery, publicEstimate, valuationSubject } from "@/lib/forms/valuation-estimate";
import { valuationSubmissionSchema } from "@/lib/forms/valuation-schema";

/** "What's my home worth" → `valuation.requested` with the instant estimate shown to the visitor. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "forms" });
  if (!guard.ok) return guard.response;
  const { tenant, kind, data } = guard;
  const parsed = valuationSubmissionSchema(tenant.country).safeParse(flattenContact(data));
  const bot = isBotSubmission({ data, kind, minFillMs: webEnv().WEB_FORM_MIN_FILL_MS });
  if (bot)
    return acceptedResponse(kind, crypto.randomUUID(), parsed.success ? `/home-value/estimate?${estimateQuery(parsed.data)}` : "/thank-you?form=valuation");
  if (!parsed.success) return invalidResponse(kind, fieldErrors(parsed.error), "/home-value");
  const input = parsed.data;
  let estimate: HomeValueEstimate | null = null;
  if (input.town && (input.livingArea || input.bedrooms !== undefined)) {
    try {
      estimate = await estimateHomeValue({
        tenantId: tenant.tenantId,
        subject: valuationSubject({ ...input, town: input.town }),
      });
    } catch {
      return serviceUnavailable();
    }
  }
  const occurredAt = new Date().toISOString();
  const source = eventSource(request, data);
  const consent = consentRecord(input.consent, source, occurredAt);
  const { eventId: _e, name, email, phone, consent: _c, ...property } = input;
  return enqueueAndRespond({
    tenantId: tenant.tenantId,
    kind,
    requestHash: submissionHash("valuation", input),
    thankYouPath: `/home-value/estimate?${estimateQuery(input)}`,
    backPath: "/home-value",
    extra: { estimate: publicEstimate(estimate) },
    event: {
      type: "valuation.requested",
      eventId: input.eventId ?? crypto.randomUUID(),
      tenantId: tenant.tenantId,
      occurredAt,
      source,
      payload: {
        contact: { ...splitName(name), ...(email ? { email } : {}), ...eventPhone(phone) },
        property,
        ...(estimate?.status === "estimated"
          ? {
              estimate: {
                low: estimate.low,
                high: estimate.high,
                comparables: estimate.comparables.length,
                factsUsed: estimate.facts.used,
                factsNotUsed: estimate.facts.notUsed.map((f) => f.fact),
              },
            }
          : {}),
        ...(consent ? { consent } : {}),
      },
    },
  });
}
