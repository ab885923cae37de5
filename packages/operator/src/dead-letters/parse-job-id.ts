/** Queue job ids are positive bigints; anything else in a URL is simply not found (null). */
export function parseJobId(jobId: string): bigint | null {
  return /^\d{1,18}$/.test(jobId) ? BigInt(jobId) : null;
}
