import type { IncomingMessage, ServerResponse } from "node:http";

/** Readiness of what the app depends on (database reachable, migrations current). */
export type ReadinessCheck = () => Promise<{ ok: true } | { ok: false; reason: string }>;

export const LIVENESS_PATH = "/healthz";
export const READINESS_PATH = "/readyz";
export const HEALTH_PATHS: readonly string[] = [LIVENESS_PATH, READINESS_PATH];

const HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

/**
 * Answers `/healthz` (liveness: the process serves requests) and `/readyz` (readiness: `ready`
 * passes within `timeoutMs`), before any page, proxy or session check. The body says `ok` or
 * `unavailable` and nothing else: the reason a check failed goes to the server's log (once per
 * change), never to whoever asks. Returns false when the request is for neither path.
 */
export function createHealthResponder(options: { ready?: ReadinessCheck; timeoutMs?: number; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.error(line));
  let lastReason: string | null = null;
  const readiness = async (): Promise<boolean> => {
    if (!options.ready) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ ok: false; reason: string }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: "readiness check did not answer in time" }), options.timeoutMs ?? 2_000);
    });
    const result = await Promise.race([
      options.ready().catch((error: unknown) => ({ ok: false as const, reason: error instanceof Error ? error.message : String(error) })),
      timeout,
    ]);
    clearTimeout(timer);
    const reason = result.ok ? null : result.reason;
    if (reason !== lastReason) log(reason ? `[health] not ready: ${reason}` : "[health] ready");
    lastReason = reason;
    return result.ok;
  };
  return function respond(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (!HEALTH_PATHS.includes(pathname)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...HEADERS, allow: "GET, HEAD" }).end(JSON.stringify({ error: "method_not_allowed" }));
      return true;
    }
    const check = pathname === READINESS_PATH ? readiness() : Promise.resolve(true);
    void check.then((ok) => {
      res.writeHead(ok ? 200 : 503, HEADERS).end(req.method === "HEAD" ? undefined : JSON.stringify({ status: ok ? "ok" : "unavailable" }));
    });
    return true;
  };
}
