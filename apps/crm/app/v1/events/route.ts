import { acceptPartnerEvent, ZPartnerEventBody, type PartnerEventBody } from "@real-estate/crm";
import { authenticateApi } from "../../api/lib/api-auth";
import { rateLimitHeaders } from "../../api/lib/api-key-limits";
import { json, jsonError, readJsonBody } from "../../api/lib/responses";
import { apiRoutes } from "../../api/lib/api-route";

export const dynamic = "force-dynamic";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The answer Follow Up Boss gives: the person the event is about. Ours is known when the event
 * lands on an existing contact; a new person is created when the queued event is applied, so its
 * `id` is null here (`eventId` identifies the event).
 */
function personAnswer(body: PartnerEventBody, result: Extract<Awaited<ReturnType<typeof acceptPartnerEvent>>, { ok: true }>) {
  const c = result.contact;
  const firstName = c?.firstName ?? body.person.firstName ?? null;
  const lastName = c?.lastName ?? body.person.lastName ?? null;
  const emails = c?.email
    ? [{ value: c.email, isPrimary: true }]
    : (body.person.emails ?? []).map((e, i) => ({ value: e.value.trim().toLowerCase(), isPrimary: i === 0 }));
  const phones = c?.phone ? [{ value: c.phone, isPrimary: true }] : (body.person.phones ?? []).map((p, i) => ({ value: p.value.trim(), isPrimary: i === 0 }));
  return {
    id: c?.id ?? null,
    eventId: result.eventId,
    status: "queued",
    created: c?.createdAt.toISOString() ?? null,
    updated: c?.updatedAt.toISOString() ?? null,
    name: [firstName, lastName].filter(Boolean).join(" ") || body.person.name || null,
    firstName,
    lastName,
    stage: "Lead",
    source: c?.source ?? body.source ?? null,
    emails,
    phones,
    tags: body.person.tags ?? [],
  };
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * POST /v1/events — Follow Up Boss-compatible lead intake. API key as the Basic-auth user name
   * (or Bearer). 201: queued, a new person; 200: queued for an existing contact, or a replay of an
   * accepted request (`Idempotent-Replayed: true`); 400 with `errorMessage`: nothing stored; 404:
   * `person.id` is not one of the tenant's contacts; 409: the idempotency key was used for another
   * body. 2xx means durably queued; the ingestion worker applies it like a website lead.
   */
  async POST(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      const message = "1-200 printable ASCII characters without spaces";
      return jsonError(400, "validation_failed", { errorMessage: `Idempotency-Key: ${message}`, fields: { "Idempotency-Key": [message] } });
    }
    const body = await readJsonBody(request, ZPartnerEventBody, { invalidStatus: 400, lenientContentType: true });
    if (!body.ok) return body.response;
    let result: Awaited<ReturnType<typeof acceptPartnerEvent>>;
    try {
      result = await acceptPartnerEvent({
        tenantId: auth.caller.tenantId,
        body: body.value,
        sent: body.sent,
        idempotencyKey,
        country: auth.caller.country,
      });
    } catch (error) {
      console.error(`crm: could not queue a /v1/events request: ${(error as Error).message?.split("\n").slice(-1)[0]}`);
      return jsonError(503, "service_unavailable", { errorMessage: "Try again in a moment; nothing was stored." }, { "retry-after": "5" });
    }
    if (!result.ok) {
      if (result.error === "person_not_found") return jsonError(404, "not_found", { errorMessage: "person.id is not a contact of this account." });
      if (result.error === "idempotency_conflict") {
        return jsonError(409, "idempotency_conflict", {
          errorMessage: "This Idempotency-Key or event id was used for another request; nothing was stored.",
          eventId: result.eventId,
        });
      }
      const errorMessage = Object.entries(result.fields)
        .map(([k, v]) => `${k}: ${v.join("; ")}`)
        .join(". ");
      return jsonError(400, "validation_failed", { errorMessage, fields: result.fields });
    }
    // The RateLimit fields are set here, so the route layer need not copy the answer to add them.
    return json(personAnswer(body.value, result), result.status, {
      ...(auth.caller.rateLimit ? rateLimitHeaders(auth.caller.rateLimit) : {}),
      ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
    });
  },
});
