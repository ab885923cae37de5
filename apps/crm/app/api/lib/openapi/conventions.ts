// What every operation of the API document shares, applied once to the whole document so new
// paths inherit it: an operationId, the answers any route can give (403 cross-site or not
// allowed, 429 throttled, 500/503), the servers, the licence, and the contact export and
// erasure routes (owners only).
import { SIGNED_IN_OWNER_403 } from "./helpers";

type TOperation = { operationId?: string; responses?: Record<string, unknown>; [key: string]: unknown };
type TDocument = { info: Record<string, unknown>; paths: Record<string, Record<string, TOperation>>; servers?: unknown[]; [key: string]: unknown };

const METHODS = ["get", "put", "post", "patch", "delete"];
const errorBody = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { schema: { type: "integer" }, description: "Requests the API key (or the signed-in member) may make per minute" },
  "RateLimit-Remaining": { schema: { type: "integer" }, description: "Requests left in the current minute" },
  "RateLimit-Reset": { schema: { type: "integer" }, description: "Seconds until the current minute's window ends" },
};

const SHARED_RESPONSES: Record<string, unknown> = {
  "403": errorBody(
    "Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs",
  ),
  "429": {
    ...errorBody("The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds"),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" }, ...RATE_LIMIT_HEADERS },
  },
  "500": errorBody("Unexpected error; the body says nothing more"),
  "503": errorBody("Storage unavailable; try again (Retry-After)"),
};

/** `get /api/contacts/{contactId}/merge` → `postContactsMerge`: stable, unique, readable. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((part) => part && part !== "api" && !part.startsWith("{"))
    .flatMap((part) => part.split(/[^a-zA-Z0-9]+/))
    .filter(Boolean);
  const byId = /\}$/.test(path) ? "ById" : "";
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("") + byId;
}

const contactIdParam = { name: "contactId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

const PRIVACY_PATHS: Record<string, Record<string, TOperation>> = {
  "/api/contacts/{contactId}/export": {
    get: {
      summary: "Export everything held about a contact as one JSON download (signed-in owners only)",
      parameters: [contactIdParam],
      responses: {
        "200": { description: "The contact's data (Content-Disposition: attachment)", content: { "application/json": { schema: { type: "object" } } } },
        "401": errorBody("No session, or a bad API key"),
        "403": SIGNED_IN_OWNER_403,
        "404": errorBody("Unknown host, not a member, or not this tenant's record"),
      },
    },
  },
  "/api/contacts/{contactId}/erase": {
    post: {
      summary: "Erase a contact from every table, leaving an audit row without personal data (signed-in owners only)",
      parameters: [contactIdParam],
      responses: {
        "200": {
          description: "Erased",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["erased", "auditLogId", "counts"],
                properties: {
                  erased: { type: "boolean", const: true },
                  auditLogId: { type: "string" },
                  counts: { type: "object", additionalProperties: { type: "integer" } },
                },
              },
            },
          },
        },
        "401": errorBody("No session, or a bad API key"),
        "403": SIGNED_IN_OWNER_403,
        "404": errorBody("Unknown host, not a member, or not this tenant's record"),
      },
    },
  },
};

const IDEMPOTENCY_KEY_PARAM = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key.",
  schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$" },
};

export function withDocumentConventions<T extends TDocument>(doc: T): T {
  const paths = { ...PRIVACY_PATHS, ...doc.paths };
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.operationId ??= operationIdFor(method, path);
      operation.responses = { ...SHARED_RESPONSES, ...operation.responses };
      if (method === "post" && path.startsWith("/api/")) {
        operation.parameters = [...((operation.parameters as unknown[] | undefined) ?? []), IDEMPOTENCY_KEY_PARAM];
        operation.responses = {
          "409": errorBody("`idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After"),
          ...operation.responses,
        };
      }
    }
  }
  return {
    ...doc,
    info: { license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" }, ...doc.info },
    servers: doc.servers ?? [{ url: "/", description: "The tenant's CRM host (the tenant is the request's host)" }],
    paths,
  };
}
