import type { Db } from "@real-estate/db";
import type { Health } from "./metrics-server";
import type { Worker } from "./worker";

/** /healthz: healthy while the database answers within `timeoutMs` (default 2 s). */
export function createHealthCheck(options: { db: Db; worker: Worker; timeoutMs?: number }): () => Promise<Health> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), options.timeoutMs ?? 2_000);
    });
    const ok = await Promise.race([options.db.$queryRawUnsafe("SELECT 1"), timeout]).then(
      () => true,
      () => false,
    );
    clearTimeout(timer);
    return { ok, detail: { workerId: options.worker.id, database: ok ? "ok" : "unreachable", ...options.worker.summary() } };
  };
}
