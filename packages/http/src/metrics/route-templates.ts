import fs from "node:fs";
import path from "node:path";

type TManifestRoute = { page: string; regex: string };

export type RouteMatcher = {
  /** Every template a request can be counted under (for initialising series to zero). */
  templates: readonly string[];
  /** The route template serving `pathname` (`/homes/[listingKey]`), or a fixed group name; never the raw path. */
  match: (pathname: string) => string;
  /** Whether the route serving `pathname` is a route handler (`route.ts`), not a page; false when no route matches. */
  routeHandler: (pathname: string) => boolean;
};

/** Groups for requests that match no route of the app: fixed names, so a scanner cannot mint series. */
export const STATIC_ASSETS_ROUTE = "/_next/static";
export const UNMATCHED_ROUTE = "unmatched";

/**
 * Route templates of a Next.js production build, from its `.next/routes-manifest.json` (static
 * routes first, then dynamic ones in Next.js's own order, which puts catch-alls last).
 * Server-only routes of Next.js itself (`/_not-found`, `/_global-error`) are left out. Which of
 * them are route handlers comes from `.next/app-path-routes-manifest.json` (its `…/route` entries);
 * without it, none is.
 */
export function loadRouteMatcher(options: { dir: string; extraRoutes?: readonly string[] }): RouteMatcher {
  const extra = options.extraRoutes ?? [];
  let routes: TManifestRoute[] = [];
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(options.dir, ".next", "routes-manifest.json"), "utf8")) as {
      staticRoutes?: TManifestRoute[];
      dynamicRoutes?: TManifestRoute[];
    };
    routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].filter((r) => !r.page.startsWith("/_"));
  } catch {
    // No build manifest (a test server): everything outside the extra routes is "unmatched".
  }
  const compiled = routes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  const handlers = routeHandlerTemplates(options.dir);
  const match = (pathname: string): string => {
    if (extra.includes(pathname)) return pathname;
    if (pathname.startsWith("/_next/")) return STATIC_ASSETS_ROUTE;
    for (const route of compiled) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED_ROUTE;
  };
  return {
    templates: [...extra, ...compiled.map((r) => r.page), STATIC_ASSETS_ROUTE, UNMATCHED_ROUTE],
    match,
    routeHandler: (pathname) => handlers.has(match(pathname)),
  };
}

/** The templates of the build's route handlers: the app paths ending in `/route` (`/api/leads/route` → `/api/leads`). */
function routeHandlerTemplates(dir: string): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
    return new Set(Object.entries(manifest).flatMap(([appPath, template]) => (appPath.endsWith("/route") ? [template] : [])));
  } catch {
    return new Set();
  }
}
