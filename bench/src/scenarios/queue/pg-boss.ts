import { PgBoss } from "pg-boss";
import { benchPool, createBenchDatabase, type BenchDatabase } from "../../lib/databases";
import { installedVersion } from "../../lib/versions";
import type { QueueDriver } from "./driver";

const version = installedVersion("pg-boss") ?? "?";
const QUEUE = "noop";

function newBoss(url: string, max: number): PgBoss {
  // LISTEN/NOTIFY wake-up is opt-in (instance useListenNotify + queue notify); maintenance stays on.
  const boss = new PgBoss({ connectionString: url, max, useListenNotify: true, schedule: false });
  boss.on("error", (error) => console.error(`  pg-boss error: ${String(error)}`));
  return boss;
}

/**
 * pg-boss with its documented throughput options: batch fetch (batchSize 100) with
 * burstWhenBatchFull, LISTEN/NOTIFY wake-up on a notify queue, 0.5 s polling floor.
 */
export function pgBossDriver(): QueueDriver {
  let database: BenchDatabase | undefined;
  let producer: PgBoss | undefined;
  let admin: ReturnType<typeof benchPool> | undefined;
  const open = () => {
    if (!database || !producer || !admin) throw new Error("pg-boss driver not opened");
    return { database, producer, admin };
  };
  return {
    system: "pg-boss",
    version,
    settings: "useListenNotify + queue notify, work batchSize 100, burstWhenBatchFull, pollingIntervalSeconds 0.5, max 10; send / insert",
    open: async () => {
      database = await createBenchDatabase("q_pgboss", { migrated: false });
      producer = newBoss(database.url, 4);
      await producer.start();
      await producer.createQueue(QUEUE, { notify: true });
      admin = benchPool(database.url, 2);
    },
    enqueueOne: async (payload) => {
      await open().producer.send(QUEUE, payload);
    },
    enqueueBulk: async (payloads) => {
      await open().producer.insert(
        QUEUE,
        payloads.map((data) => ({ data })),
      );
    },
    startWorkers: async (count, onJob) => {
      const bosses: PgBoss[] = [];
      for (let i = 0; i < count; i++) {
        const boss = newBoss(open().database.url, 10);
        await boss.start();
        await boss.work<Record<string, unknown>>(
          QUEUE,
          { batchSize: 100, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 },
          async (jobs) => {
            for (const job of jobs) onJob(job.data);
          },
        );
        bosses.push(boss);
      }
      return { stop: async () => void (await Promise.all(bosses.map((b) => b.stop({ graceful: true, timeout: 5_000 })))) };
    },
    remaining: async () => {
      const r = await open().admin.query<{ n: string }>("SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')", [
        QUEUE,
      ]);
      return Number(r.rows[0]!.n);
    },
    reset: async () => {
      await open().producer.deleteAllJobs(QUEUE);
    },
    close: async () => {
      await producer?.stop({ graceful: false, timeout: 2_000 }).catch(() => undefined);
      await admin?.end();
      await database?.drop();
    },
  };
}
