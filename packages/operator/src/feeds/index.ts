export { addTenantFeed, editTenantFeed } from "./save-tenant-feed";
export { requestTenantFeedRun, testTenantFeed, listTenantFeeds, ZFeedRunRequest, type StudioFeed } from "./run-tenant-feed";
