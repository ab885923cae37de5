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
      };
}

/** Ports of the bench's own servers (the bench owns 3400-3499). */
export const PORTS = { web: 3401, crm: 3402, workerMetrics: 3403 } as const;
