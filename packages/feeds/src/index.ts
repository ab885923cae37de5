export { createResoClient, parseRetryAfter, type ResoClient, type ResoClientOptions, type FeedAuth, type ResoPage } from "./client/reso-client";
export { FeedRequestError } from "./client/feed-errors";
export { feedAllowedHosts, feedUrlProblem, type FeedDestinationOptions } from "./client/feed-destination";
export { TokenCache, sharedTokenCache } from "./client/token-cache";
export { sealSecret, openSecret, secretHint, resetFeedCredentialsKey } from "./credentials/seal-secret";
export { mapProperty, type MappedListing, type MapPropertyResult } from "./mapping/map-property";
export { mapOpenHouse, type MappedOpenHouse, type MapOpenHouseResult } from "./mapping/map-open-house";
export { normalizeLookup, FOR_SALE_STATUSES } from "./mapping/lookups";
export { ZFeedInput, FEED_RESOURCES, type FeedInput, type FeedSettings, type FeedView } from "./feeds/feed-contracts";
export { createFeed, updateFeed, FeedInputError } from "./feeds/save-feed";
export { getFeed, listFeeds } from "./feeds/get-feed";
export { testFeedConnection, type FeedConnectionResult } from "./feeds/test-feed-connection";
export { syncFeed, type FeedRunKind, type SyncFeedResult, type SyncFeedOptions, type SyncProgress } from "./replication/sync-feed";
export { FEED_PAUSE_AFTER_FAILURES, failureDelayMs } from "./replication/record-feed-outcome";
export { getFeedStatus, type FeedStatus } from "./feeds/get-feed-status";
export {
  FEED_SYNC_KIND,
  ZFeedSyncPayload,
  feedSyncKey,
  scheduleFeedSync,
  runFeedSyncJob,
  unsafeEnsureFeedSyncJobs,
  type FeedSyncJobResult,
} from "./schedule/feed-sync-job";
export { continueFeedAfterDeadLetter } from "./schedule/continue-after-dead-letter";
export { requestFeedRun, pauseFeed } from "./schedule/request-feed-run";
export type { FeedClientOverrides } from "./feeds/open-feed-client";
