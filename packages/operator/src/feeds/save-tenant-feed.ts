import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { createFeed, FeedInputError, updateFeed, type FeedInput, type FeedView } from "@real-estate/feeds";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { isUniqueViolation, StudioConflictError, StudioNotFoundError, StudioValidationError } from "../shared/errors";
import { isUuid } from "../shared/ids";

/** What the audit trail keeps of a feed: its settings, never its secret (only the hint). */
const auditView = (f: FeedView) => ({
  name: f.name,
  baseUrl: f.baseUrl,
  authKind: f.authKind,
  tokenUrl: f.tokenUrl,
  clientId: f.clientId,
  secretHint: f.secretHint,
  filter: f.filter,
  resources: f.resources,
  pageSize: f.pageSize,
  syncIntervalSeconds: f.syncIntervalSeconds,
});

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FeedInputError) throw new StudioValidationError(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, [v]])));
    if (isUniqueViolation(error)) throw new StudioConflictError("name", "this tenant already has a feed with that name");
    throw error;
  }
}

/**
 * Adds an MLS feed to a tenant. The secret is sealed by the feeds package and never comes back;
 * the audit row records the settings with the secret's hint only. (The feeds package writes the
 * feed itself, so the audit row follows it rather than sharing its transaction.)
 */
export async function addTenantFeed(options: { tenantId: string; actor: OperatorActor; input: unknown; db?: Db }): Promise<FeedView> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId) || !(await db.tenant.findUnique({ where: { id: options.tenantId }, select: { id: true } })))
    throw new StudioNotFoundError("Tenant");
  const feed = await saving(() => createFeed({ tenantId: options.tenantId, input: (options.input ?? {}) as FeedInput, db }));
  await recordOperatorAction(db, {
    actor: options.actor,
    action: "feed.add",
    targetType: "feed",
    targetId: feed.id,
    tenantId: options.tenantId,
    after: auditView(feed),
  });
  return feed;
}

/** Changes a feed's settings; an empty secret keeps the stored one. Another tenant's feed is a 404. */
export async function editTenantFeed(options: { tenantId: string; feedId: string; actor: OperatorActor; input: unknown; db?: Db }): Promise<FeedView> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId) || !isUuid(options.feedId)) throw new StudioNotFoundError("Feed");
  const before = await db.feed.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } }, select: { id: true } });
  if (!before) throw new StudioNotFoundError("Feed");
  const feed = await saving(() => updateFeed({ tenantId: options.tenantId, feedId: options.feedId, input: (options.input ?? {}) as FeedInput, db }));
  if (!feed) throw new StudioNotFoundError("Feed");
  await recordOperatorAction(db, {
    actor: options.actor,
    action: "feed.update",
    targetType: "feed",
    targetId: feed.id,
    tenantId: options.tenantId,
    after: auditView(feed),
  });
  return feed;
}
