/**
 * The OAuth client of the demo's local RESO server. Documented demo credentials: they work only
 * against the local server that `npm start` runs, never against a real MLS.
 */
export const DEMO_RESO_CLIENT = { clientId: "shoreline-demo", clientSecret: "demo-reso-secret-not-for-production" } as const;

/** The name of the Shoreline demo tenant's feed. */
export const DEMO_FEED_NAME = "Local RESO server (sample MLS)";

export const DEMO_FEED_DISCLAIMER =
  "Sample data from the local RESO server. Listing information is deemed reliable but not guaranteed and should be independently verified. " +
  "IDX information is provided exclusively for consumers' personal, non-commercial use.";
