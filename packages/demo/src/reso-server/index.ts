export { startResoServer, type ResoServer, type ResoServerOptions, type ResoFault, type ResoServerStats } from "./start-reso-server";
export { ResoStore } from "./reso-store";
export { lookupDisplayName } from "./build-reso-records";
export type { ResoRecord } from "./odata-filter";
export { DEMO_RESO_CLIENT, DEMO_FEED_NAME, DEMO_FEED_DISCLAIMER } from "./demo-reso-client";
export { churnDemoMarket, type DemoMarketChanges } from "./churn-demo-market";
