export { startAppServer, type AppServer, type AppServerOptions } from "./start-app-server";
export { parseTrustSettings, type TrustSettings, type TrustProxy, type ForwardingHeader } from "../client-address/trust-proxy";
export { resolveClientAddress, normalizeAddress } from "../client-address/resolve-client-address";
export { createHealthResponder, LIVENESS_PATH, READINESS_PATH, type ReadinessCheck } from "../health/health-endpoints";
export { createRequestFront, type AppHandler } from "./request-front";
export { createJsonLogger, createMemoryLogger, silentLogger, type LogFields, type Logger } from "../logging";
export { resolveRequestId, stampRequestId } from "../request-id/request-id";
export { DEFAULT_MAX_REQUEST_BYTES, maxRequestBytes, refuseOversizeBody } from "../body/body-cap";
export { createStaticCompressor, pickEncoding, type ContentEncoding, type StaticCompressor } from "./compress-static";
