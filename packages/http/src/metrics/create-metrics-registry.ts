import { Registry, collectDefaultMetrics } from "prom-client";

/**
 * prom-client's default collectors include three gauges named `_total`
 * (`nodejs_active_handles_total`, `nodejs_active_requests_total`, `nodejs_active_resources_total`),
 * which `promtool check metrics` refuses: `_total` is reserved for counters. The same figures are
 * exported without the suffix (`nodejs_active_handles{type=…}`, summed by `sum()`), so these go.
 */
const NON_COUNTER_TOTALS = ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"];

export type MetricsRegistryOptions = {
  /** Process and Node.js runtime metrics (CPU, memory, event loop, GC). Default true. */
  defaultMetrics?: boolean;
};

/** A Prometheus registry of its own (several servers can live in one test process), clean under promtool. */
export function createMetricsRegistry(options: MetricsRegistryOptions = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    for (const name of NON_COUNTER_TOTALS) registry.removeSingleMetric(name);
  }
  return registry;
}
