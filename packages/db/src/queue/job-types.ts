/** A job's key: the queue table is tenant-owned, its primary key is (tenantId, id). */
export type JobRef = { tenantId: string; id: string };

/** A job handed to a worker by claimJobs, leased to it until `leaseExpiresAt`. */
export type ClaimedJob = JobRef & {
  eventId: string;
  eventType: string;
  payload: unknown;
  /** Attempts so far, this one included (the claim counts the attempt). */
  attempts: number;
  maxAttempts: number;
  lockedBy: string;
  leaseExpiresAt: Date;
  createdAt: Date;
};

/** Splits job refs into the parallel arrays that `unnest($1::uuid[], $2::bigint[])` takes. */
export function refArrays(jobs: readonly JobRef[]): { tenantIds: string[]; ids: string[] } {
  return { tenantIds: jobs.map((j) => j.tenantId), ids: jobs.map((j) => j.id) };
}
