/** Every size and duration the scenarios use; `quick` is for development on a busy machine. */
export type Sizes = {
  queueJobs: number;
  wakeupRatePerSec: number;
  wakeupJobs: number;
  ingestionEvents: number;
  ingestionLatencyEvents: number;
  ingestionLatencyRatePerSec: number;
  httpConnections: number;
  leadLoadSeconds: number;
  pageLoadSeconds: number;
  crmTenants: number;
  crmLeadsPerTenant: number;
  crmRequestsPerQuery: number;
  redriveJobs: number;
  /** Listings of the local RESO server for the initial-sync figure. */
  feedListings: number;
  /** Messages the outbox scenario delivers (and sends directly for the baseline). */
  outboxMessages: number;
  /** Outbound webhook deliveries the webhooks scenario makes (and POSTs directly for the baseline). */
  webhookDeliveries: number;
  /** Seconds of new leads at 50/s for the lead-to-e-mail latency figure. */
  leadEmailSeconds: number;
  /** Listings per tenant for the search figure, and searches measured. */
  searchListings: number;
  searchQueries: number;
  /** Listings of the local RESO server in the freshness scenario (1,000 of them change). */
  freshnessListings: number;
};

export function sizesFor(quick: boolean): Sizes {
  return quick
    ? {
        queueJobs: 2_000,
        wakeupRatePerSec: 200,
        wakeupJobs: 400,
        ingestionEvents: 2_000,
        ingestionLatencyEvents: 300,
        ingestionLatencyRatePerSec: 100,
        httpConnections: 50,
        leadLoadSeconds: 5,
        pageLoadSeconds: 4,
        crmTenants: 2,
        crmLeadsPerTenant: 10_000,
        crmRequestsPerQuery: 40,
        redriveJobs: 10_000,
        feedListings: 10_000,
        outboxMessages: 500,
        webhookDeliveries: 1_000,
        leadEmailSeconds: 10,
        searchListings: 10_000,
        searchQueries: 200,
        freshnessListings: 5_000,
      }
    : {
        queueJobs: 20_000,
        wakeupRatePerSec: 200,
        wakeupJobs: 2_000,
        ingestionEvents: 20_000,
        ingestionLatencyEvents: 2_000,
        ingestionLatencyRatePerSec: 200,
        httpConnections: 50,
        leadLoadSeconds: 20,
        pageLoadSeconds: 10,
        crmTenants: 10,
        crmLeadsPerTenant: 100_000,
        crmRequestsPerQuery: 200,
        redriveJobs: 100_000,
        feedListings: 100_000,
        outboxMessages: 2_000,
        webhookDeliveries: 4_000,
        leadEmailSeconds: 20,
        searchListings: 100_000,
        searchQueries: 500,
        freshnessListings: 20_000,
      };
}

/** The first of the bench's ports: BENCH_PORT_BASE (default 3400; the bench owns base to base + 99). */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE) > 0 ? Number(process.env.BENCH_PORT_BASE) : 3400;

/** Ports of the bench's own servers. */
export const PORTS = { web: PORT_BASE + 1, crm: PORT_BASE + 2, workerMetrics: PORT_BASE + 3, web2: PORT_BASE + 4, edge: PORT_BASE + 5 } as const;
