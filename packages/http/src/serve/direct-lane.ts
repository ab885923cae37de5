import type { IncomingMessage, ServerResponse } from "node:http";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Duplex } from "node:stream";
import type { Logger } from "../logging/json-logger";
import { handlerFor, webRequestOf, writeResponse } from "./direct-route-call";
import { loadDirectRouteTable, type DirectRouteTable } from "./direct-route-table";

/**
 * The direct lane: a request Next.js would answer with a route handler without running the
 * app's proxy is answered by calling that handler here, without Next.js's router and route
 * module (decision 0114). `take` resolves to false, having touched nothing, when the request is
 * not one of those or its handler could not be loaded: Next.js answers it then.
 */
export type DirectLane = {
  take: (req: IncomingMessage, res: ServerResponse, url: URL, taken: () => void) => Promise<boolean> | false;
  /** The route handlers the lane may answer for. */
  size: number;
};

/** What requiring a compiled `route.js` gives: Next.js's route module around the app's exports. */
type CompiledRoute = { routeModule?: { ensureUserland?: () => Promise<unknown>; userland?: unknown } };

/** Next.js's `compression` middleware (the one its router puts on every response when `compress` is on). */
type Compression = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Exports that make Next.js cache or pre-render a route, or run it elsewhere: such a route stays with Next.js. */
const NEXT_ONLY_EXPORTS = ["revalidate", "generateStaticParams", "fetchCache"] as const;

/**
 * The lane for the build in `dir`, or null (with one warning line) when its manifests are not
 * as expected. Route modules are required on first use, in this process, after Next.js has
 * prepared the app: the same module instances (and database pools) Next.js itself uses.
 */
export function createDirectLane(options: { dir: string; port: number; logger: Logger }): DirectLane | null {
  const { dir, port, logger } = options;
  let table: DirectRouteTable;
  try {
    table = loadDirectRouteTable(dir);
  } catch (error) {
    logger.warn({ msg: "direct route lane off: the build's manifests are not as expected", reason: reasonOf(error) });
    return null;
  }
  let compress: Compression | null;
  try {
    compress = nextCompression(dir);
  } catch (error) {
    logger.warn({ msg: "direct route lane off: Next.js's compression cannot be set up as its router does", reason: reasonOf(error) });
    return null;
  }
  const requireRoute = createRequire(path.join(path.resolve(dir), "package.json"));
  const modules = new Map<string, Promise<Record<string, unknown> | null>>();
  const load = (template: string, file: string) => {
    let loaded = modules.get(file);
    if (!loaded) {
      loaded = loadUserland(requireRoute, file).catch((error: unknown) => {
        logger.warn({ msg: "direct route lane off for a route: its module cannot be loaded", route: template, reason: reasonOf(error) });
        return null;
      });
      modules.set(file, loaded);
    }
    return loaded;
  };

  return {
    size: table.size,
    take(req, res, url, taken) {
      const match = table.find(url.pathname, req.headers, url.searchParams);
      if (!match) return false;
      return load(match.template, match.file).then(async (userland) => {
        if (!userland) return false;
        taken();
        if (compress) useCompression(compress, req, res);
        const controller = new AbortController();
        res.once("close", () => {
          if (!res.writableFinished) controller.abort();
        });
        const request = webRequestOf(req, port, controller.signal);
        let response: unknown;
        try {
          response = await handlerFor(userland, request.method)(request, { params: Promise.resolve(match.params) });
          if (!(response instanceof Response)) throw new TypeError(`the ${request.method} handler did not return a Response`);
        } catch (error) {
          // As Next.js answers a route handler that throws: an empty 500, the error logged.
          logger.error({ msg: "route handler failed", route: match.template, method: req.method, error: reasonOf(error) });
          res.statusCode = 500;
          if (table.vary) res.setHeader("vary", table.vary);
          res.end();
          return true;
        }
        await writeResponse(req, res, response, table.vary).catch((error: unknown) => {
          logger.error({ msg: "route handler's response failed", route: match.template, method: req.method, error: reasonOf(error) });
          if (!res.headersSent) {
            res.statusCode = 500;
            res.end();
          } else res.destroy();
        });
        return true;
      });
    },
  };
}

/**
 * Next.js's router compresses every answer (gzip or deflate for a client that accepts it, over
 * 1 KB, a compressible type; `Vary: Accept-Encoding`) unless the app's config says
 * `compress: false` (`.next/required-server-files.json`): the same middleware, from the same
 * Next.js, for the lane's answers.
 */
function nextCompression(dir: string): Compression | null {
  const files = JSON.parse(fs.readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as { config?: { compress?: unknown } };
  if (typeof files.config !== "object" || files.config === null) throw new Error("required-server-files.json has no config");
  if (files.config.compress === false) return null;
  const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => Compression;
  return compression();
}

/** As Next.js's router: the middleware on the response, and its zlib stream released when the client leaves mid-answer. */
function useCompression(compress: Compression, req: IncomingMessage, res: ServerResponse): void {
  compress(req, res, () => {});
  res.once("close", () => {
    if (res.writableFinished) return;
    const noop = () => {};
    const stream = res.on("drain", noop);
    if (stream === res || !(stream instanceof Duplex)) res.off("drain", noop);
    else stream.destroy();
  });
}

async function loadUserland(requireRoute: NodeJS.Require, file: string): Promise<Record<string, unknown>> {
  const compiled = requireRoute(file) as CompiledRoute;
  const routeModule = compiled.routeModule;
  if (!routeModule || typeof routeModule.ensureUserland !== "function") throw new Error("no routeModule with ensureUserland");
  await routeModule.ensureUserland();
  const userland = routeModule.userland;
  if (typeof userland !== "object" || userland === null) throw new Error("the route module has no userland exports");
  const exports = userland as Record<string, unknown>;
  if (exports.runtime === "edge") throw new Error("an edge route");
  if (exports.dynamic !== undefined && exports.dynamic !== "force-dynamic" && exports.dynamic !== "auto")
    throw new Error(`dynamic = ${String(exports.dynamic)}`);
  for (const name of NEXT_ONLY_EXPORTS) if (exports[name] !== undefined) throw new Error(`the route exports ${name}`);
  return exports;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
}

/** The app's package.json field asking for the lane. */
export const DIRECT_ROUTES_FIELD = "serveRouteHandlersDirectly";

/**
 * Whether the app in `dir` is served with the lane: `APP_DIRECT_ROUTES` (`on` / `off`) when set,
 * else its package.json's `serveRouteHandlersDirectly` (true to have it).
 */
export function directLaneWanted(dir: string, setting: string | undefined): boolean {
  if (setting !== undefined && setting !== "") {
    if (setting === "on" || setting === "off") return setting === "on";
    throw new Error(`APP_DIRECT_ROUTES must be on or off, not "${setting}"`);
  }
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    return manifest[DIRECT_ROUTES_FIELD] === true;
  } catch {
    return false;
  }
}
