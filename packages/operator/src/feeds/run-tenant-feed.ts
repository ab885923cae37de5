import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { getFeedStatus, listFeeds, requestFeedRun, testFeedConnection, type FeedConnectionResult, type FeedStatus, type FeedView } from "@real-estate/feeds";
import { z } from "zod";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";

export const ZFeedRunRequest = z.object({ kind: z.enum(["incremental", "full"]) });

/** "Sync now" (incremental) or "full reconcile" (full): the worker runs it next; a paused feed resumes. */
export async function requestTenantFeedRun(options: {
  tenantId: string;
  feedId: string;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
}): Promise<{ kind: "incremental" | "full" }> {
  const db = options.db ?? getDb();
  const { kind } = parseInput(ZFeedRunRequest, options.input);
  if (!isUuid(options.tenantId) || !isUuid(options.feedId)) throw new StudioNotFoundError("Feed");
  if (!(await requestFeedRun({ tenantId: options.tenantId, feedId: options.feedId, kind, db }))) throw new StudioNotFoundError("Feed");
  await recordOperatorAction(db, {
    actor: options.actor,
    action: kind === "full" ? "feed.reconcile" : "feed.sync",
    targetType: "feed",
    targetId: options.feedId,
    tenantId: options.tenantId,
    after: { kind },
  });
  return { kind };
}

/**
 * Signs in to the feed and reads a few keys (the studio's "test connection"). This sends the
 * feed's stored secret to its URLs, so each test is audited ("feed.test"): the URLs it went to and
 * the outcome, never the secret. A feed that does not exist (or is another tenant's) is 404, unaudited.
 */
export async function testTenantFeed(options: { tenantId: string; feedId: string; actor: OperatorActor; db?: Db }): Promise<FeedConnectionResult> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId) || !isUuid(options.feedId)) throw new StudioNotFoundError("Feed");
  const feed = await db.feed.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    select: { baseUrl: true, tokenUrl: true, authKind: true },
  });
  if (!feed) throw new StudioNotFoundError("Feed");
  // The feed's answer is quoted in an error without the credentials (the feed client's rule).
  const result = await testFeedConnection({ tenantId: options.tenantId, feedId: options.feedId, db });
  if (!result) throw new StudioNotFoundError("Feed");
  await recordOperatorAction(db, {
    actor: options.actor,
    action: "feed.test",
    targetType: "feed",
    targetId: options.feedId,
    tenantId: options.tenantId,
    after: {
      baseUrl: feed.baseUrl,
      tokenUrl: feed.tokenUrl,
      authKind: feed.authKind,
      ...(result.ok ? { ok: true, sampleKeys: result.sampleKeys.length } : { ok: false, error: result.error.slice(0, 500) }),
    },
  });
  return result;
}

export type StudioFeed = FeedView & { listings: FeedStatus };

/** The tenant's feeds with their listing counts by status and recent runs (the studio's feeds page). */
export async function listTenantFeeds(options: { tenantId: string; runs?: number; db?: Db }): Promise<StudioFeed[]> {
  if (!isUuid(options.tenantId)) return [];
  const feeds = await listFeeds({ tenantId: options.tenantId, db: options.db });
  return Promise.all(
    feeds.map(async (f) => ({ ...f, listings: await getFeedStatus({ tenantId: options.tenantId, feedId: f.id, runs: options.runs ?? 10, db: options.db }) })),
  );
}
