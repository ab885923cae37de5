// The demo's saved-search alert: a Shoreline website visitor (verified address, alerts agreed to)
// with an instant saved search of every home for sale. The demo MLS feed changes a few active
// listings a minute, so with `npm start` an alert reaches the local mail sink within minutes.
import type { Db } from "@real-estate/db";
import { createVisitor, loadSearchContext, normalizeSavedSearch } from "@real-estate/sites";

/** The demo visitor's sign-in on the Shoreline website (works only on the demo seed). */
export const DEMO_VISITOR = {
  tenantSlug: "shoreline",
  email: "visitor@shoreline.example",
  password: "demo-visitor-1234",
  name: "Sam Rivera (demo visitor)",
  searchName: "Homes for sale on the Shoreline",
} as const;

export type EnsureDemoAlertVisitorResult = { tenantId: string; visitorId: string; savedSearchId: string; created: boolean } | null;

/**
 * Makes sure the demo visitor and its saved search exist (idempotent; null without the Shoreline
 * tenant). A new search starts without a baseline, so the first check after the feed's first
 * sync records what it matches without mailing, and the feed's next changes are the news. An
 * existing visitor or search is left as its owner set it (an unsubscribe stays an unsubscribe).
 */
export async function ensureDemoAlertVisitor(options: { db: Db }): Promise<EnsureDemoAlertVisitorResult> {
  const { db } = options;
  const tenant = await db.tenant.findUnique({ where: { slug: DEMO_VISITOR.tenantSlug }, select: { id: true } });
  if (!tenant) return null;
  const tenantId = tenant.id;
  let visitor = await db.visitor.findUnique({ where: { tenantId_email: { tenantId, email: DEMO_VISITOR.email } }, select: { id: true } });
  let created = false;
  if (!visitor) {
    const made = await createVisitor({ tenantId, email: DEMO_VISITOR.email, password: DEMO_VISITOR.password, name: DEMO_VISITOR.name, db });
    if (made.ok) {
      await db.visitor.update({
        where: { tenantId_id: { tenantId, id: made.visitor.id } },
        data: { emailVerifiedAt: new Date(), preferences: { emailAlerts: true } },
      });
      created = true;
    }
    // Another start made it at the same moment: use that one.
    visitor = await db.visitor.findUniqueOrThrow({ where: { tenantId_email: { tenantId, email: DEMO_VISITOR.email } }, select: { id: true } });
  }
  const normalized = normalizeSavedSearch({}, await loadSearchContext({ tenantId, db }));
  if (!normalized.ok) throw new Error("demo: the empty search does not normalise");
  const search = await db.savedSearch.upsert({
    where: { tenantId_visitorId_queryKey: { tenantId, visitorId: visitor.id, queryKey: normalized.queryKey } },
    create: {
      tenantId,
      visitorId: visitor.id,
      name: DEMO_VISITOR.searchName,
      queryKey: normalized.queryKey,
      query: normalized.query,
      alertFrequency: "INSTANT",
    },
    update: {},
    select: { id: true },
  });
  return { tenantId, visitorId: visitor.id, savedSearchId: search.id, created };
}
