import { perSecond, sleep, summarize, waitFor, type LatencySummary } from "../../lib/stats";
import type { NoopPayload, QueueDriver, RunningWorkers } from "./driver";

/**
 * CPU time this process spent per job in the last measureSingleEnqueue (senders, client library,
 * driver) and measureDrain (the workers, which run in this process too).
 */
export const lastClientCpu = { msPerJob: 0, drainMsPerJob: 0 };

/** N single enqueues from `senders` concurrent loops, each awaiting its own call. */
export async function measureSingleEnqueue(driver: QueueDriver, payloads: NoopPayload[], senders: number): Promise<number> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = next++; i < payloads.length; i = next++) await driver.enqueueOne(payloads[i]!);
    }),
  );
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  lastClientCpu.msPerJob = (used.user + used.system) / 1000 / payloads.length;
  return perSecond(payloads.length, elapsed);
}

/** N jobs in bulk calls of `batch` from one sender; null when the system has no bulk enqueue. */
export async function measureBulkEnqueue(driver: QueueDriver, payloads: NoopPayload[], batch: number): Promise<number | null> {
  if (!driver.enqueueBulk) return null;
  const started = performance.now();
  for (let i = 0; i < payloads.length; i += batch) await driver.enqueueBulk(payloads.slice(i, i + batch));
  return perSecond(payloads.length, performance.now() - started);
}

/** What the no-op handler records: how many jobs ran, when the first ran, and who listens. */
export class JobTap {
  handled = 0;
  firstAt = 0;
  listener: ((eventId: string, at: number) => void) | null = null;
  readonly onJob = (payload: NoopPayload) => {
    const at = performance.now();
    if (this.handled++ === 0) this.firstAt = at;
    this.listener?.(String(payload.eventId), at);
  };
}

/**
 * Starts `workerCount` workers on a queue already holding `expected` jobs and measures from the
 * first job run to the moment the database shows none left (completion included). The workers
 * keep running for the wake-up phase.
 */
export async function measureDrain(
  driver: QueueDriver,
  tap: JobTap,
  expected: number,
  workerCount: number,
  timeoutMs: number,
): Promise<{ perSecond: number; workers: RunningWorkers }> {
  const cpu = process.cpuUsage();
  const workers = await driver.startWorkers(workerCount, tap.onJob);
  try {
    await waitFor(`${driver.system} workers to run ${expected} jobs`, () => tap.handled >= expected, timeoutMs, 5);
    await waitFor(`${driver.system} to record ${expected} completions`, async () => (await driver.remaining()) === 0, timeoutMs, 10);
  } catch (error) {
    await workers.stop().catch(() => undefined);
    throw error;
  }
  const used = process.cpuUsage(cpu);
  lastClientCpu.drainMsPerJob = (used.user + used.system) / 1000 / expected;
  return { perSecond: perSecond(expected, performance.now() - tap.firstAt), workers };
}

/**
 * Wake-up latency: with the workers idle, enqueue one job every 1000/rate ms (single enqueue,
 * not awaited, so a slow call does not delay the next) and time each from the start of its
 * enqueue call to its handler starting.
 */
export async function measureWakeup(
  driver: QueueDriver,
  tap: JobTap,
  payloads: NoopPayload[],
  ratePerSec: number,
): Promise<LatencySummary & { lost: number; failedSends: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  tap.listener = (eventId, at) => {
    const t = sentAt.get(eventId);
    if (t !== undefined) latencies.push(at - t);
  };
  await sleep(500);
  const interval = 1000 / ratePerSec;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  let failedSends = 0;
  for (let k = 0; k < payloads.length; k++) {
    const wait = started + k * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const payload = payloads[k]!;
    sentAt.set(String(payload.eventId), performance.now());
    // Handled at once: a send that fails (e.g. the pool timing out when the system cannot keep
    // up with the rate) is counted, not left as an unhandled rejection.
    inflight.push(driver.enqueueOne(payload).catch(() => void failedSends++));
  }
  await Promise.all(inflight);
  const expected = payloads.length - failedSends;
  await waitFor(`${driver.system} to run the wake-up jobs`, () => latencies.length >= expected, 30_000, 10).catch(() => undefined);
  tap.listener = null;
  return { ...summarize(latencies), lost: expected - latencies.length, failedSends };
}
