import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustSettings } from "../client-address/trust-proxy";
import { refuseOversizeBody } from "../body/body-cap";
import { baselineSecurityHeaders } from "../headers/security-headers";
import type { Logger } from "../logging/json-logger";
import type { HttpMetrics } from "../metrics/http-metrics";
import type { RouteMatcher } from "../metrics/route-templates";
import { runWithRequestId } from "@real-estate/types/request-context";
import { stampRequestId } from "../request-id/request-id";
import { REQUEST_ID_HEADER } from "../request-id/request-id-header";
import { findUnstorableUrlPart, UNSTORABLE_MESSAGE } from "../text/unstorable-text";
import { fromTrustedProxy, requestIsHttps, stampClientAddress, stripUntrustedForwarding } from "./strip-internal-headers";
import { stripInternalResponseHeaders } from "./strip-response-headers";
import { normalizeRequestTarget } from "./request-target";
import { swapRenderNonce } from "./swap-render-nonce";
import type { StaticCompressor } from "./compress-static";
import { compressPage } from "./compress-pages";
import { secureCookies } from "./secure-cookies";
import { guardServerAction } from "./server-action-guard";
import type { DirectLane } from "./direct-lane";

/**
 * The methods an app route can answer (Next.js's route handlers: these seven; pages: GET, HEAD,
 * POST). Any other reaches no route: Next.js fails on the ones the fetch standard forbids
 * (`TRACE`, `CONNECT`: its `new Request()` throws, a 500 and an error log line per
 * request an outsider can send at will) and answers the rest inconsistently.
 */
const ANSWERED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ANSWERED = new Set<string>(ANSWERED_METHODS);

/** The access log's status for a request whose client closed the connection before its answer was written (nginx's). */
export const CLIENT_CLOSED_REQUEST = 499;

/** The app behind the front (Next.js's request handler in production). */
export type AppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * What the app server does for every request before and after the app: the client's address
 * and the request id stamped on the request (the id echoed on the response), the baseline
 * security headers, the forwarding headers of a client that is not a trusted proxy dropped,
 * a fresh script nonce per response, every cookie of an HTTPS request's response Secure, a 405
 * to a method no route answers, a 404 to Next.js's image optimizer (`/_next/image`, which no app
 * uses), the health paths, the body size cap, a server action call
 * Next.js would refuse by throwing (403, 413, also a streamed body), the unstorable-URL guard, the metrics and one JSON access
 * log line (`msg: "request"`, with the route template, never the raw path or query; status 499
 * when the client left before its answer was written).
 */
export function createRequestFront(options: {
  trust: TrustSettings;
  routes: Pick<RouteMatcher, "match" | "routeHandler">;
  metrics: Pick<HttpMetrics, "observe">;
  health: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;
  logger: Logger;
  handle: AppHandler;
  /** Largest request body a Content-Length may announce (see refuseOversizeBody); default no cap. */
  maxBytes?: number;
  /** The process's render nonce, replaced by a fresh nonce in every response (see swapRenderNonce); default none. */
  renderNonce?: string;
  /** Build assets sent compressed to clients that accept it (see createStaticCompressor); default none. */
  compressStatic?: StaticCompressor;
  /** Pages and RSC payloads compressed for clients that accept it, unless they come through a trusted proxy (see compressPage); default off. */
  compressPages?: boolean;
  /** Route handlers answered without Next.js's router (see createDirectLane); default none. */
  direct?: Pick<DirectLane, "take">;
}) {
  const { trust, routes, metrics, health, logger, handle } = options;
  return function front(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const targetOk = normalizeRequestTarget(req);
    const url = new URL(targetOk ? (req.url ?? "/") : "/", "http://localhost");
    const requestId = stampRequestId(req, trust.trust);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // Counted under the route that served it: the internal rewrite target when proxy.ts rewrote
    // the request (the website's `/sites/[site]/…`), else the path as sent.
    let servedPath = url.pathname;
    // "direct" when the direct lane answered (decision 0114); absent when Next.js did.
    let lane: "direct" | undefined;
    const logLine = (status: number, seconds: number, route: string) => {
      const entry = { msg: "request", requestId, method: req.method, route, status, durationMs: Math.round(seconds * 1e4) / 10, ...(lane ? { lane } : {}) };
      if (status >= 500) logger.error(entry);
      else logger.info(entry);
    };
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routes.match(servedPath);
      metrics.observe(route, res.statusCode, seconds);
      logLine(res.statusCode, seconds, route);
    });
    // A client that left before the whole response was written (mid-body, or while the app was
    // answering) gets the line too, with nginx's status for it, 499: nothing was answered, so
    // it is not counted in the metrics (requests answered).
    res.once("close", () => {
      if (!res.writableFinished) logLine(CLIENT_CLOSED_REQUEST, Number(process.hrtime.bigint() - started) / 1e9, routes.match(servedPath));
    });
    stampClientAddress(req, trust);
    stripUntrustedForwarding(req, trust);
    stripInternalResponseHeaders(res, (target) => {
      servedPath = new URL(target, "http://localhost").pathname;
    });
    // Beneath the nonce swap: a page is compressed after it got its own nonce. A proxy we trust
    // (the edge) compresses and caches one copy per page itself.
    if (options.compressPages && !fromTrustedProxy(req, trust)) compressPage(req, res);
    if (options.renderNonce) swapRenderNonce(res, options.renderNonce);
    const https = requestIsHttps(req, trust);
    for (const [name, value] of Object.entries(baselineSecurityHeaders({ https }))) res.setHeader(name, value);
    if (https) secureCookies(res);
    if (!targetOk) {
      res.writeHead(400, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: "malformed_request", message: "the request target must be a path on this host" }));
      return;
    }
    if (!ANSWERED.has(req.method ?? "")) {
      res.writeHead(405, { "content-type": "application/json", "cache-control": "no-store", allow: ANSWERED_METHODS.join(", ") });
      res.end(JSON.stringify({ error: "method_not_allowed", message: `${req.method} is not answered here` }));
      return;
    }
    // `OPTIONS *` asks about the server as a whole (RFC 9110, 9.3.7), and no app route is `*`:
    // Next.js fails to parse the target (`TypeError: Invalid URL`, a 500 and an error line).
    if (req.method === "OPTIONS" && req.url === "*") {
      res.writeHead(204, { "cache-control": "no-store", allow: ANSWERED_METHODS.join(", ") });
      res.end();
      return;
    }
    // No app shows images through next/image, so Next.js's image optimizer has nothing to do
    // here; left open, any client could have it fetch and re-encode the app's own files and pages.
    if (isImageOptimizerPath(url.pathname)) {
      res.writeHead(404, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : JSON.stringify({ error: "not_found" }));
      return;
    }
    if (health(req, res, url.pathname)) return;
    if (options.maxBytes !== undefined && refuseOversizeBody(req, res, options.maxBytes)) return;
    // A server action call streamed without a length is held until its body is in (see guardServerAction).
    if (guardServerAction(req, res, app, routes.routeHandler)) return;
    app();

    function app(): void {
      // Checked on the URL as sent: Next.js replaces undecodable bytes before proxy.ts sees them,
      // and a page reading such a query parameter then fails with a 500.
      const field = findUnstorableUrlPart(url);
      if (field) {
        res.writeHead(400, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: "malformed_request", fields: { [field]: [UNSTORABLE_MESSAGE] } }));
        return;
      }
      if (options.compressStatic?.(req, res, url.pathname) === "served") return;
      // Code below the route (the queue stamping the jobs it queues) reads the id from the context.
      const answer = async () => {
        const direct = options.direct?.take(req, res, url, () => (lane = "direct"));
        if (direct && (await direct)) return;
        await handle(req, res);
      };
      runWithRequestId(requestId, answer).catch((error: unknown) => {
        logger.error({ msg: "request failed", requestId, method: req.method, route: routes.match(servedPath), error: describeError(error) });
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        } else res.destroy();
      });
    }
  };
}

/**
 * Next.js hands any path starting with `/_next/image` (after dot segments are resolved, as here)
 * to its image optimizer; the decoded form is checked too, in case a later layer decodes it.
 */
export const IMAGE_OPTIMIZER_PATH = "/_next/image";

export function isImageOptimizerPath(pathname: string): boolean {
  if (pathname.startsWith(IMAGE_OPTIMIZER_PATH)) return true;
  try {
    return decodeURIComponent(pathname).startsWith(IMAGE_OPTIMIZER_PATH);
  } catch {
    return false;
  }
}

/** The error's class and message, without its stack (one line in the log). */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
