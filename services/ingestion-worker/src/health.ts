import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@real-estate/db";
import type { HealthResponder } from "@real-estate/http/metrics";
import type { Worker } from "./worker";

type Health = { ok: boolean; detail: Record<string, unknown> };

/** The worker's health: ok while the database answers within `timeoutMs` (default 2 s), with its counters. */
function checkWorkerHealth(options: { db: Db; worker: Worker; timeoutMs?: number }): () => Promise<Health> {
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

/**
 * `GET /healthz` on the metrics listener: 200 when healthy, else 503, with a JSON body that
 * carries the worker's id and counters (ids and numbers only). Other paths are not its own.
 */
export function createHealthCheck(options: { db: Db; worker: Worker; timeoutMs?: number }): HealthResponder {
  const check = checkWorkerHealth(options);
  return (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (pathname !== "/healthz") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    void check()
      .catch((): Health => ({ ok: false, detail: { error: "health check failed" } }))
      .then((h) =>
        res
          .writeHead(h.ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
          .end(req.method === "HEAD" ? undefined : JSON.stringify({ status: h.ok ? "ok" : "unhealthy", ...h.detail })),
      );
    return true;
  };
}
