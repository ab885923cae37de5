import { WEBHOOK_EVENT_TYPES } from "@real-estate/integrations";
import { body, err, nullable, ok, ts, uuidPathParam } from "./helpers";

/** The webhook answers (written by hand: the endpoint and delivery rows have no zod contract). */
export function webhookSchemas(): Record<string, Record<string, unknown>> {
  const endpoint = {
    type: "object",
    required: ["id", "url", "events", "status", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      url: { type: "string" },
      description: nullable({ type: "string" }),
      events: { type: "array", items: { type: "string", enum: [...WEBHOOK_EVENT_TYPES] } },
      status: { type: "string", enum: ["active", "failing", "disabled"] },
      disabledAt: nullable(ts),
      disabledReason: nullable({ type: "string", enum: ["owner", "failing"] }),
      failingSince: nullable(ts),
      previousSecretExpiresAt: nullable(ts),
      createdAt: ts,
      updatedAt: ts,
    },
  };
  return {
    WebhookEndpoint: endpoint,
    WebhookEndpointWithSecret: {
      allOf: [
        { $ref: "#/components/schemas/WebhookEndpoint" },
        { type: "object", required: ["secret"], properties: { secret: { type: "string", description: "whsec_…: shown once" } } },
      ],
    },
    WebhookEndpointList: {
      type: "object",
      required: ["items"],
      properties: { items: { type: "array", items: { $ref: "#/components/schemas/WebhookEndpoint" } } },
    },
    WebhookDelivery: {
      type: "object",
      required: ["id", "endpointId", "eventType", "status", "attempts", "createdAt", "payload"],
      properties: {
        id: { type: "string", format: "uuid", description: "Also the webhook-id header" },
        endpointId: { type: "string", format: "uuid" },
        eventType: { type: "string" },
        contactId: nullable({ type: "string", format: "uuid" }),
        status: { type: "string", enum: ["PENDING", "DELIVERED", "FAILED"] },
        attempts: { type: "integer" },
        responseStatus: nullable({ type: "integer" }),
        latencyMs: nullable({ type: "integer" }),
        responseExcerpt: nullable({ type: "string" }),
        lastError: nullable({ type: "string" }),
        lastAttemptAt: nullable(ts),
        deliveredAt: nullable(ts),
        createdAt: ts,
        payload: { type: "object", description: "The signed body: type, timestamp, data" },
      },
    },
    WebhookDeliveryList: {
      type: "object",
      required: ["items", "nextCursor"],
      properties: { items: { type: "array", items: { $ref: "#/components/schemas/WebhookDelivery" } }, nextCursor: nullable({ type: "string" }) },
    },
    Queued: { type: "object", required: ["queued"], properties: { queued: { type: "integer" } } },
  };
}

/** `/api/webhooks`: endpoints (owners, API keys), their delivery log, re-sending and re-driving. */
export function webhookPaths() {
  const endpointIdParam = uuidPathParam("endpointId");
  const owners = { "401": err("No session, or a bad API key"), "404": err("Unknown host, not an owner, or not this tenant's endpoint") };
  return {
    "/api/webhooks": {
      get: { summary: "List webhook endpoints (owners, API keys)", responses: { "200": ok("WebhookEndpointList"), ...owners } },
      post: {
        summary: "Register a webhook endpoint; the signing secret is in this answer only",
        requestBody: body("WebhookEndpointCreate"),
        responses: {
          "201": ok("WebhookEndpointWithSecret", "Created"),
          "400": err("Malformed JSON"),
          "422": err("Invalid body, or a destination inside the platform's networks"),
          ...owners,
        },
      },
    },
    "/api/webhooks/{endpointId}": {
      get: { summary: "Get a webhook endpoint", parameters: [endpointIdParam], responses: { "200": ok("WebhookEndpoint"), ...owners } },
      patch: {
        summary: "Edit a webhook endpoint (url, description, events, enabled)",
        parameters: [endpointIdParam],
        requestBody: body("WebhookEndpointPatch"),
        responses: { "200": ok("WebhookEndpoint"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...owners },
      },
      delete: {
        summary: "Delete a webhook endpoint and its delivery log",
        parameters: [endpointIdParam],
        responses: { "204": { description: "Deleted" }, ...owners },
      },
    },
    "/api/webhooks/{endpointId}/rotate-secret": {
      post: {
        summary: "New signing secret (in this answer only); the previous one signs too for overlapHours (default 24)",
        parameters: [endpointIdParam],
        responses: { "200": ok("WebhookEndpointWithSecret"), "422": err("Invalid body"), ...owners },
      },
    },
    "/api/webhooks/{endpointId}/deliveries": {
      get: {
        summary: "The endpoint's delivery log, newest first",
        parameters: [
          endpointIdParam,
          { name: "status", in: "query", required: false, schema: { type: "string", enum: ["PENDING", "DELIVERED", "FAILED"] } },
          { name: "cursor", in: "query", required: false, schema: { type: "string", format: "uuid" }, description: "nextCursor of the previous page" },
          { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { "200": ok("WebhookDeliveryList"), "400": err("Bad query"), ...owners },
      },
    },
    "/api/webhooks/{endpointId}/deliveries/{deliveryId}/resend": {
      post: {
        summary: "Send one delivery again (same webhook-id)",
        parameters: [endpointIdParam, uuidPathParam("deliveryId")],
        responses: { "202": ok("Queued", "Queued"), "409": err("The endpoint is disabled"), ...owners },
      },
    },
    "/api/webhooks/{endpointId}/redrive": {
      post: {
        summary: "Send every failed delivery of the endpoint again",
        parameters: [endpointIdParam],
        responses: { "202": ok("Queued", "Queued"), "409": err("The endpoint is disabled"), ...owners },
      },
    },
  };
}
