// The isolation matrix: every route of the inventory, every verb it exports, as every actor
// that is not entitled to tenant B's data, carrying B's ids, on A's host and on B's host,
// with forged tenant ids in headers, queries and bodies.
import { fillPattern, type AppName, type RouteEntry } from "../inventory/route-inventory";
import type { SeededTenant, World } from "../world/seed-world";
import type { ActorName } from "./actors";

export type Probe = {
  app: AppName;
  route: RouteEntry;
  method: string;
  host: string;
  hostTenant: SeededTenant | null;
  actor: ActorName;
  path: string;
  headers: Record<string, string>;
  body?: string;
  scenario: string;
  /** The path names a record of another tenant than the host's: must not answer 2xx. */
  foreignRecord: boolean;
};

type Scenario = {
  name: string;
  actor: ActorName;
  host: "a" | "b";
  ids: "a" | "b";
  forge: boolean;
  /** Web: name the internal tenant segment (/sites/<id>) directly. */
  internal?: boolean;
  /** Studio: tenantId parameter of A, every other parameter of B (nested records of another tenant). */
  tenantParamOf?: "a";
};

/** Per app: who probes from where with whose ids. Host tenant A unless said otherwise. */
const SCENARIOS: Record<AppName, Scenario[]> = {
  web: [
    { name: "anon, B ids on A host", actor: "anon", host: "a", ids: "b", forge: true },
    { name: "A visitor, B ids on A host", actor: "visitorA", host: "a", ids: "b", forge: true },
    { name: "A visitor on B host", actor: "visitorA", host: "b", ids: "b", forge: true },
    { name: "B internal segment on A host", actor: "visitorA", host: "a", ids: "b", forge: true, internal: true },
  ],
  crm: [
    { name: "A owner, B ids on A host", actor: "ownerA", host: "a", ids: "b", forge: true },
    { name: "A agent, B ids on A host", actor: "agentA", host: "a", ids: "b", forge: true },
    { name: "A owner session on B host", actor: "ownerA", host: "b", ids: "b", forge: true },
    { name: "no session on B host", actor: "anon", host: "b", ids: "b", forge: false },
    { name: "A visitor cookie on B host", actor: "visitorA", host: "b", ids: "b", forge: true },
  ],
  studio: [
    { name: "tenant owner (not operator)", actor: "ownerA", host: "a", ids: "b", forge: true },
    { name: "no session", actor: "anon", host: "a", ids: "b", forge: false },
    { name: "operator, A tenant with B's nested ids", actor: "operator", host: "a", ids: "b", forge: false, tenantParamOf: "a" },
  ],
};

const hostOf = (app: AppName, t: SeededTenant) => (app === "crm" ? t.crmHost : app === "web" ? t.webHost : "localhost");

function idsFor(param: string, t: SeededTenant, variant: number): { value: string; isRecord: boolean } {
  const name = param.replace(/^\.\.\./, "");
  const direct = t.ids[name];
  if (direct?.length) return { value: direct[variant % direct.length]!, isRecord: !["query"].includes(name) };
  // Unknown parameter names get each of the tenant's ids in turn.
  const all = Object.entries(t.ids)
    .filter(([k]) => k !== "query")
    .flatMap(([, v]) => v);
  return { value: all[variant % all.length]!, isRecord: true };
}

function forgedBody(t: SeededTenant, variant: number): string {
  const id = (k: string) => t.ids[k]?.[0];
  const body: Record<string, unknown> = {
    tenantId: t.tenantId,
    tenant: t.slug,
    contactId: id("contactId"),
    leadId: id("leadId"),
    activityId: id("activityId"),
    id: id("leadId"),
    listingKey: id("listingKey"),
    visitorId: id("visitorId"),
    savedSearchId: id("savedSearchId"),
    domainId: id("domainId"),
    jobId: id("jobId"),
    ids: [id("jobId")],
    status: "LOST",
    note: "probe",
    body: "probe",
    name: "probe",
    role: "OWNER",
  };
  if (variant % 2) body.tenantId = [t.tenantId];
  return JSON.stringify(body);
}

export function buildProbes(options: { world: World; inventory: RouteEntry[]; apps: AppName[]; variant: number }): Probe[] {
  const { world: w, variant } = options;
  const probes: Probe[] = [];
  for (const route of options.inventory.filter((r) => options.apps.includes(r.app))) {
    for (const sc of SCENARIOS[route.app]) {
      if (sc.internal && !route.internalPattern) continue;
      const hostTenant = sc.host === "a" ? w.a : w.b;
      const idTenant = sc.ids === "a" ? w.a : w.b;
      if (sc.tenantParamOf && !(route.params.includes("tenantId") && route.params.length > 1)) continue;
      // `site`: the website's internal segment (`/sites/[site]`) names a tenant by its slug.
      const values: Record<string, string> = { tenantId: idTenant.tenantId, site: idTenant.slug };
      let foreignRecord = false;
      for (const p of route.params) {
        const v = idsFor(p, idTenant, variant);
        values[p.replace(/^\.\.\./, "")] = v.value;
        if (v.isRecord && (idTenant !== hostTenant || sc.tenantParamOf) && p !== "tenantId") foreignRecord = true;
      }
      if (sc.tenantParamOf) values.tenantId = w.a.tenantId;
      const pattern = sc.internal ? route.internalPattern! : route.pattern;
      if (sc.internal) foreignRecord = true;
      const query = sc.forge ? `?tenantId=${idTenant.tenantId}&tenant=${idTenant.slug}&x=${variant}` : "";
      for (const method of route.verbs) {
        const headers: Record<string, string> = { host: hostOf(route.app, hostTenant), accept: variant % 2 ? "application/json" : "text/html" };
        if (sc.forge) Object.assign(headers, { "x-tenant-id": idTenant.tenantId, "x-tenant-slug": idTenant.slug });
        const body = ["POST", "PUT", "PATCH", "DELETE"].includes(method) ? forgedBody(idTenant, variant) : undefined;
        if (body) headers["content-type"] = "application/json";
        probes.push({
          app: route.app,
          route,
          method,
          host: headers.host!,
          hostTenant: route.app === "studio" ? null : hostTenant,
          actor: sc.actor,
          path: fillPattern(pattern, values) + query,
          headers,
          body,
          scenario: sc.name,
          foreignRecord,
        });
      }
    }
  }
  return probes;
}
