// Who a probe acts as, and which marker strings that actor may legitimately see on a host.
import type { AppName } from "../inventory/route-inventory";
import type { SeededTenant, World } from "../world/seed-world";

export type ActorName = "anon" | "visitorA" | "visitorB" | "ownerA" | "agentA" | "ownerB" | "operator";
export type Actors = Partial<Record<ActorName, string>>; // actor -> Cookie header

export const allMarkers = (w: World) => [w.a, w.b].flatMap((t) => [t.publicMarker, t.crmMarker, t.visitorMarker]);

const isMemberOf = (actor: ActorName, t: SeededTenant) => (t.key === "a" ? ["ownerA", "agentA"] : ["ownerB"]).includes(actor);
const isVisitorOf = (actor: ActorName, t: SeededTenant) => actor === (t.key === "a" ? "visitorA" : "visitorB");

/**
 * Markers `actor` may see in a response from `app` served on a host of `hostTenant` (null: a
 * host of no tenant). Anything else found in the response is a leak.
 */
export function allowedMarkers(w: World, app: AppName, hostTenant: SeededTenant | null, actor: ActorName): Set<string> {
  if (app === "studio") return new Set(actor === "operator" ? allMarkers(w) : []);
  if (!hostTenant) return new Set();
  const allowed = [hostTenant.publicMarker];
  if (app === "web" && isVisitorOf(actor, hostTenant)) allowed.push(hostTenant.visitorMarker);
  if (app === "crm" && isMemberOf(actor, hostTenant)) allowed.push(hostTenant.crmMarker, hostTenant.visitorMarker);
  // A CRM user on another brokerage's host may be told which brokerages they do belong to.
  if (app === "crm") for (const t of [w.a, w.b]) if (isMemberOf(actor, t)) allowed.push(t.publicMarker);
  return new Set(allowed);
}

/** Markers of `w` found in `text` that are not in `allowed`. */
export function leakedMarkers(w: World, text: string, allowed: Set<string>): string[] {
  return allMarkers(w).filter((m) => !allowed.has(m) && text.includes(m));
}
