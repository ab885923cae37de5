import autocannon from "autocannon";

export type LoadResult = {
  seconds: number;
  requests: number;
  /** 2xx responses per second over the run. */
  okPerSecond: number;
  statusCounts: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50Ms: number;
  p99Ms: number;
};

export type LoadOptions = {
  port: number;
  host: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A body per request (called for every request), e.g. to vary the e-mail address. */
  body?: () => string;
  connections: number;
  seconds: number;
  /** Sees every response body (e.g. to collect the accepted event ids). */
  onResponse?: (status: number, body: string) => void;
};

/** A bounded autocannon run against 127.0.0.1 (stops by itself after `seconds`). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const makeBody = options.body;
  const onResponse = options.onResponse;
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}${options.path}`,
    method: options.method ?? "GET",
    headers: { host: options.host, ...(makeBody ? { "content-type": "application/json" } : {}), ...options.headers },
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        ...(makeBody ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: makeBody() }) } : {}),
        ...(onResponse ? { onResponse: (status: number, body: string) => onResponse(status, body) } : {}),
      },
    ],
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stat.count ?? 0;
  const ok = result["2xx"];
  return {
    seconds: result.duration,
    requests: result.requests.total,
    okPerSecond: ok / result.duration,
    statusCounts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** A short unmeasured run so that route modules are loaded and JIT-compiled first. */
export async function warmUp(options: Omit<LoadOptions, "seconds" | "onResponse" | "connections">): Promise<void> {
  await runLoad({ ...options, connections: 10, seconds: 2 });
}
