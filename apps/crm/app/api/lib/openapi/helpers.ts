// The pieces every part of the API document is built from: component references, request
// bodies, answers, the shared path and header parameters, and query parameters described from
// the same zod shapes the routes parse with (query-params.ts).
import { z } from "zod";
import { MAX_LIMIT } from "../query-params";

const MULTI = new Set(["status", "source", "assignedTo", "type"]);
const PARAM_DOCS: Record<string, string> = {
  status: "Pipeline statuses, comma-separated or repeated.",
  source: "Lead sources, comma-separated or repeated.",
  assignedTo: "Membership ids, `me` (members only) or `unassigned`.",
  q: "Words matched against the contact's name, email and phone.",
  createdFrom: "Created at or after: YYYY-MM-DD (a day in the brokerage's time zone) or ISO 8601 date-time.",
  createdTo: "Created before: YYYY-MM-DD (inclusive day, in the brokerage's time zone) or ISO 8601 date-time (exclusive).",
  sort: "Order: -createdAt (default), createdAt, -lastActivityAt, lastActivityAt.",
  cursor:
    "nextCursor from the previous page (same sort and filters). Pages never skip or repeat a row that was in the list when paging began; by last activity the order is frozen at the first page for an hour, after which the cursor is refused (400) and paging starts again.",
  limit: `Page size, 1-${MAX_LIMIT} (default 50).`,
  contactId: "Only this contact's activities.",
  leadId: "Only this lead's activities (tasks).",
  dueFrom: "Tasks due at or after this ISO 8601 date-time.",
  dueBefore: "Tasks due before this ISO 8601 date-time.",
  type: "Activity types, comma-separated or repeated.",
};

function schemaFor(key: string, type: z.ZodType): Record<string, unknown> {
  if (key === "limit") return { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 50 };
  if (key === "createdFrom" || key === "createdTo") return { type: "string" };
  const json = z.toJSONSchema(type, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** The query parameters of a list route, from the zod shape its route parses the query with. */
export function queryParams(shape: Record<string, z.ZodType>) {
  return Object.entries(shape).map(([name, type]) => ({
    name,
    in: "query",
    required: false,
    description: PARAM_DOCS[name],
    ...(MULTI.has(name) && { style: "form", explode: false }),
    schema: MULTI.has(name) ? { type: "array", items: (schemaFor(name, type) as { items?: unknown }).items ?? { type: "string" } } : schemaFor(name, type),
  }));
}

export type Param = Record<string, unknown>;

export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
export const body = (id: string) => ({ required: true, content: { "application/json": { schema: ref(id) } } });
export const ok = (id: string, description = "OK") => ({ description, content: { "application/json": { schema: ref(id) } } });
export const err = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
/** The 403 of the personal-data routes (export, erasure, merge and its undo): a signed-in owner's only. */
export const SIGNED_IN_OWNER_403 = err(
  "Called with an API key (`session_required`: a signed-in owner's only), a cross-site browser request, or a member without the role this needs",
);
export const common = { "401": err("No session, or a bad API key"), "404": err("Unknown host, not a member, or not this tenant's record") };

/** A required UUID in the path, e.g. `{leadId}`. */
export const uuidPathParam = (name: string): Param => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
export const leadIdParam = uuidPathParam("leadId");
export const contactIdParam = uuidPathParam("contactId");
export const ifMatchParam: Param = {
  name: "If-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: "The ETag of your read; a stale one answers 412",
};

export const ts = { type: "string", format: "date-time" };
export const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: "null" }] });
