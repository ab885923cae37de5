import http from "node:http";
import { inject } from "vitest";

/** GET from the running web app as if for `host` (sets the Host header; no DNS needed). */
export function webGet(host: string, path: string): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: inject("webPort"), path, method: "GET", headers: { host: `${host}:${inject("webPort")}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${host}${path} timed out`)));
    req.end();
  });
}

/** Polls until `check` passes or the time is up; returns how long it took (ms). */
export async function eventually(check: () => Promise<boolean>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<number> {
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 15_000);
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() > deadline) throw new Error(`condition not met within ${options.timeoutMs ?? 15_000} ms`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}
