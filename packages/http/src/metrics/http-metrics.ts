import { Counter, Histogram, type Registry } from "prom-client";

export type HttpMetrics = {
  /** Records one finished request under its route template (never the raw path) and status code. */
  observe: (route: string, status: number, seconds: number) => void;
};

/** Statuses every known route starts with at zero, so `rate()` and `absent()` work from the first scrape. */
const INITIAL_STATUSES = ["200", "500"];

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Request count and latency by route template and status code only: labels are never taken
 * from the raw path, the host or anything else a client chooses, so the series stay bounded.
 * Every route in `routes` starts at zero for the statuses above.
 */
export function createHttpMetrics(options: { registry: Registry; routes: readonly string[] }): HttpMetrics {
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route template and status code",
    labelNames: ["route", "status"] as const,
    registers: [options.registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from request to the end of the response, by route template and status code",
    labelNames: ["route", "status"] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [options.registry],
  });
  for (const route of options.routes) {
    for (const status of INITIAL_STATUSES) {
      requests.labels({ route, status }).inc(0);
      duration.zero({ route, status });
    }
  }
  return {
    observe(route, status, seconds) {
      const labels = { route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}
