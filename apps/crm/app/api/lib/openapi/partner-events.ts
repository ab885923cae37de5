import { body, err, ok } from "./helpers";

/** `/v1/events`: leads and events sent in by partners (Follow Up Boss-compatible). */
export function partnerEventPaths() {
  return {
    "/v1/events": {
      post: {
        summary: "Send in a lead or an event about a lead (Follow Up Boss-compatible; API key as the Basic-auth user name)",
        description:
          "Accepts Follow Up Boss `POST /v1/events` requests unchanged. 2xx means durably queued; the person is matched by e-mail or phone. " +
          "Idempotent on the `Idempotency-Key` header, else on the body's `id`. Differences from Follow Up Boss: see docs/decisions (events API).",
        security: [{ basicKey: [] }, { apiKey: [] }],
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            schema: { type: "string", maxLength: 200 },
            description: "Replays with the same key and body store nothing new (200, Idempotent-Replayed: true)",
          },
        ],
        requestBody: body("PartnerEvent"),
        responses: {
          "201": ok("PartnerEventAnswer", "Queued; a new person will be created"),
          "200": ok("PartnerEventAnswer", "Queued for an existing contact, or a replay"),
          "400": err("Malformed JSON or invalid body (`errorMessage`); nothing stored"),
          "401": err("No or bad API key"),
          "404": err("Unknown host, or `person.id` is not a contact of this tenant"),
          "409": err("The Idempotency-Key or event id was used for another body; nothing stored"),
          "413": err("Body over 64 KiB"),
          "415": err("Not JSON"),
          "503": err("Storage unavailable; nothing stored (Retry-After)"),
        },
      },
    },
  };
}
