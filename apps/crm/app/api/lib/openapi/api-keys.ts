// The API keys part of the API document: listing keys and editing a key's name and limit
// (signed-in owners only; a key cannot manage keys).
import { body, err, nullable, ok, ref, ts, uuidPathParam } from "./helpers";

export function apiKeySchemas(): Record<string, Record<string, unknown>> {
  const key = {
    type: "object",
    required: ["id", "name", "prefix", "scopes", "rateLimitPerMinute", "status", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      prefix: { type: "string", description: "The key's first characters (the key itself is shown once, at creation)" },
      scopes: { type: "array", items: { type: "string", enum: ["read", "write"] } },
      rateLimitPerMinute: { type: "integer", minimum: 1, maximum: 100_000 },
      status: { type: "string", enum: ["active", "revoked"] },
      createdAt: ts,
      lastUsedAt: nullable(ts),
      revokedAt: nullable(ts),
    },
  };
  return { ApiKey: key, ApiKeyList: { type: "object", required: ["items"], properties: { items: { type: "array", items: ref("ApiKey") } } } };
}

export function apiKeyPaths() {
  const security = [{ session: [] }];
  const owners = {
    "401": err("No session"),
    "403": err("Called with an API key (`session_required`: keys are managed by a signed-in owner), or a cross-site request"),
    "404": err("Unknown host, not an owner, or not this tenant's key"),
  };
  return {
    "/api/api-keys": {
      get: { summary: "List the brokerage's API keys, newest first (never a secret)", security, responses: { "200": ok("ApiKeyList"), ...owners } },
    },
    "/api/api-keys/{apiKeyId}": {
      patch: {
        summary: "Change a key's name and/or requests per minute (its scopes are chosen at creation); audited",
        security,
        parameters: [uuidPathParam("apiKeyId")],
        requestBody: body("ApiKeyPatch"),
        responses: {
          "200": ok("ApiKey"),
          "400": err("Malformed JSON"),
          "409": err("The key is revoked (`api_key_revoked`)"),
          "422": err("Invalid body: a limit outside 1-100,000, an empty name, nothing to change, or a field that cannot be changed (scopes)"),
          ...owners,
        },
      },
    },
  };
}
