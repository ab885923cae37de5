// Which write routes get hostile bodies, as whom, with which field names. Every write route of
// the inventory is fuzzed; the known ones get their real field names, new ones a generic set.
import { fillPattern, type AppName, type RouteEntry } from "../inventory/route-inventory";
import type { ActorName } from "../isolation/actors";
import type { SeededTenant } from "../world/seed-world";

export type FuzzTarget = { app: AppName; method: string; pattern: string; path: string; host: string; origin: string; actor: ActorName; fields: string[] };

const CONTACT = ["name", "firstName", "lastName", "email", "phone", "message", "consent", "eventId", "website", "startedAt"];
const KNOWN_FIELDS: Record<string, string[]> = {
  "web POST /api/lead": [...CONTACT, "listingKey"],
  "web POST /api/valuation": [...CONTACT, "address", "town", "postalCode", "propertyType", "bedrooms", "bathrooms", "livingArea", "yearBuilt"],
  "web PUT /api/user/profile": ["name", "phone", "preferences", "emailAlerts"],
  "web POST /api/user/saved-listings": ["listingKey", "_method"],
  "web DELETE /api/user/saved-listings": ["listingKey"],
  "web POST /api/user/saved-searches": ["name", "query", "savedSearchId", "_method"],
  "web DELETE /api/user/saved-searches": ["savedSearchId", "id"],
  "web POST /api/user/sync": ["listingKeys", "searches", "savedListings", "savedSearches"],
  "web POST /api/auth/sign-up": ["email", "password", "name", "phone", "next", "website", "startedAt"],
  "web POST /api/auth/sign-in": ["email", "password", "next"],
  "crm POST /api/contacts": ["firstName", "lastName", "email", "phone", "notes", "source", "openLead"],
  "crm POST /api/activities": ["contactId", "leadId", "type", "title", "body", "occurredAt"],
  "crm PATCH /api/leads/[leadId]": ["status", "assignedMembershipId", "message", "listingKey"],
  "crm POST /v1/events": [
    "id",
    "source",
    "system",
    "type",
    "message",
    "description",
    "occurredAt",
    "pageUrl",
    "person",
    "property",
    "propertySearch",
    "campaign",
  ],
};
const GENERIC = ["id", "tenantId", "name", "email", "phone", "status", "type", "title", "body", "message", "notes"];
/**
 * Write routes not fuzzed here: the auth library's own endpoints, operator-only plumbing, and
 * actions that read no body (sign-out, contact erasure, merge undo: the isolation matrix covers them).
 */
const SKIP = [/^\/api\/auth\/\[\.\.\./, /^\/api\/internal\//, /^\/api\/bench\//, /sign-out/, /\/erase$/, /\/undo$/];

const WRITE = ["POST", "PUT", "PATCH", "DELETE"];

export function fuzzTargets(options: { inventory: RouteEntry[]; apps: AppName[]; tenant: SeededTenant }): FuzzTarget[] {
  const t = options.tenant;
  const targets: FuzzTarget[] = [];
  for (const r of options.inventory) {
    if (r.kind !== "api" || !options.apps.includes(r.app) || r.app === "studio" || SKIP.some((s) => s.test(r.pattern))) continue;
    for (const method of r.verbs.filter((v) => WRITE.includes(v))) {
      const key = `${r.app} ${method} ${r.pattern}`;
      const host = r.app === "crm" ? t.crmHost : t.webHost;
      const values = Object.fromEntries(Object.entries(t.ids).map(([k, v]) => [k, v[0]!]));
      const actor: ActorName = r.app === "crm" ? "ownerA" : r.pattern.startsWith("/api/user/") ? "visitorA" : "anon";
      targets.push({
        app: r.app,
        method,
        pattern: r.pattern,
        path: fillPattern(r.pattern, values),
        host,
        origin: `http://${host}`,
        actor,
        fields: KNOWN_FIELDS[key] ?? GENERIC,
      });
    }
  }
  return targets;
}
