// The OpenAPI 3.1 document of the CRM REST API, generated from the same zod schemas the
// routes validate with (contracts.ts and the query shapes in query-params.ts).
import { z } from "zod";
import {
  ZActivity, ZActivityCreate, ZActivityList, ZAssignee, ZContact, ZContactCreate, ZContactList, ZContactSummary, ZError, ZLeadDetail, ZLeadItem, ZLeadList, ZLeadPatch,
} from "./contracts";
import { activityListQueryShape, contactListQueryShape, leadListQueryShape, MAX_LIMIT } from "./query-params";

const MULTI = new Set(["status", "source", "assignedTo", "type"]);
const PARAM_DOCS: Record<string, string> = {
  status: "Pipeline statuses, comma-separated or repeated.",
  source: "Lead sources, comma-separated or repeated.",
  assignedTo: "Membership ids, `me` (members only) or `unassigned`.",
  q: "Words matched against the contact's name, email and phone.",
  createdFrom: "Created at or after: YYYY-MM-DD (UTC) or ISO 8601 date-time.",
  createdTo: "Created before: YYYY-MM-DD (inclusive day, UTC) or ISO 8601 date-time (exclusive).",
  sort: "Order: -createdAt (default), createdAt, -lastActivityAt, lastActivityAt.",
  cursor: "nextCursor from the previous page (same sort).",
  limit: `Page size, 1-${MAX_LIMIT} (default 50).`,
  contactId: "Only this contact's activities.",
  leadId: "Only this lead's activities.",
  type: "Activity types, comma-separated or repeated.",
};

function schemaFor(key: string, type: z.ZodType): Record<string, unknown> {
  if (key === "limit") return { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 50 };
  if (key === "createdFrom" || key === "createdTo") return { type: "string" };
  const json = z.toJSONSchema(type, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function queryParams(shape: Record<string, z.ZodType>) {
  return Object.entries(shape).map(([name, type]) => ({
    name,
    in: "query",
    required: false,
    description: PARAM_DOCS[name],
    ...(MULTI.has(name) && { style: "form", explode: false }),
    schema: MULTI.has(name) ? { type: "array", items: (schemaFor(name, type) as { items?: unknown }).items ?? { type: "string" } } : schemaFor(name, type),
  }));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const body = (id: string) => ({ required: true, content: { "application/json": { schema: ref(id) } } });
const ok = (id: string, description = "OK") => ({ description, content: { "application/json": { schema: ref(id) } } });
const err = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const common = { "401": err("No session, or a bad API key"), "404": err("Unknown host, not a member, or not this tenant's record") };
const leadIdParam = { name: "leadId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function buildOpenApiDocument() {
  const registry = z.registry<{ id: string }>();
  const all = [ZLeadList, ZLeadItem, ZLeadDetail, ZLeadPatch, ZAssignee, ZContactSummary, ZContactList, ZContact, ZContactCreate, ZActivityList, ZActivity, ZActivityCreate, ZError];
  for (const s of all) {
    const id = (s.meta() as { id: string }).id;
    registry.add(s, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { io: "input", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Real-estate CRM API", version: "1.0.0", description: "Per-tenant CRM API. The tenant is the request's host. Authenticate with a member session cookie or `Authorization: Bearer <api key>`." },
    components: { schemas, securitySchemes: { apiKey: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "re.session_token" } } },
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      "/api/leads": { get: { summary: "List leads", parameters: queryParams(leadListQueryShape), responses: { "200": ok("LeadList"), "400": err("Bad or unknown query parameter"), ...common } } },
      "/api/leads/{leadId}": {
        get: { summary: "Get a lead", parameters: [leadIdParam], responses: { "200": ok("LeadDetail"), ...common } },
        patch: {
          summary: "Change a lead's status and/or assignee",
          parameters: [leadIdParam],
          requestBody: body("LeadPatch"),
          responses: { "200": ok("LeadDetail"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common },
        },
      },
      "/api/contacts": {
        get: { summary: "List or search contacts", parameters: queryParams(contactListQueryShape), responses: { "200": ok("ContactList"), "400": err("Bad query"), ...common } },
        post: {
          summary: "Create a contact",
          requestBody: body("ContactCreate"),
          responses: { "201": ok("Contact", "Created"), "400": err("Malformed JSON"), "409": err("A contact with this email or phone exists (returned as `existing`)"), "422": err("Invalid body"), ...common },
        },
      },
      "/api/activities": {
        get: { summary: "List activities", parameters: queryParams(activityListQueryShape), responses: { "200": ok("ActivityList"), "400": err("Bad query"), ...common } },
        post: { summary: "Log a note, call, meeting or email", requestBody: body("ActivityCreate"), responses: { "201": ok("Activity", "Created"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common } },
      },
      "/api/auth/session": { get: { summary: "The signed-in user and their membership here", security: [{ session: [] }], responses: { "200": { description: "OK" }, "401": err("Signed out") } } },
    },
  };
}
