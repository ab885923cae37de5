// Prometheus metrics for the app server and the worker (Node only).
export { createMetricsRegistry, type MetricsRegistryOptions } from "./create-metrics-registry";
export { createHttpMetrics, HTTP_DURATION_BUCKETS, type HttpMetrics } from "./http-metrics";
export { loadRouteMatcher, STATIC_ASSETS_ROUTE, UNMATCHED_ROUTE, type RouteMatcher } from "./route-templates";
export { startMetricsServer, type HealthResponder, type MetricsServer } from "./metrics-server";
