import fs from "node:fs";
import path from "node:path";

/**
 * Which requests a Next.js production build would answer with a route handler (`route.ts`)
 * without running its proxy (middleware), read from the build's own manifests: the route
 * handlers and their files (`app-path-routes-manifest.json`, `server/app-paths-manifest.json`),
 * the order Next.js matches routes in and their patterns (`routes-manifest.json`), the proxy's
 * matchers with their `has`/`missing` conditions (`server/functions-config-manifest.json`,
 * `server/middleware-manifest.json`), the prerendered routes (`prerender-manifest.json`). Anything
 * the table is not sure of is left to Next.js: a path a redirect, rewrite or header rule of the
 * config names, a path with a trailing slash or doubled slashes, a prerendered route, a page.
 */
export type DirectRouteTable = {
  /** The route handler answering `pathname` (already known not to be one the proxy runs for), with its params; null: Next.js answers. */
  find: (pathname: string, headers: Readonly<Record<string, string | string[] | undefined>>, search: URLSearchParams) => DirectRouteMatch | null;
  /** How many route handlers the table knows. */
  size: number;
  /** The `Vary` Next.js's router puts on every app route's answer (`routes-manifest.json` `rsc.varyHeader`); null when the build names none. */
  vary: string | null;
};

export type DirectRouteMatch = { template: string; file: string; params: Record<string, string | string[]> };

type Condition = { type: string; key?: string; value?: string };
type ProxyMatcher = { regexp: string; has?: Condition[]; missing?: Condition[]; locale?: unknown };
type ManifestRoute = { page: string; regex: string };
type Segment = { name: string; kind: "one" | "all" | "optional-all" };
type Route = { template: string; regex: RegExp; segments: Segment[]; file: string | null };
type Conditional = { regex: RegExp; has?: Condition[]; missing?: Condition[] };

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The table of the build in `dir` (its `.next`); throws, naming what is missing, when the manifests are not as expected. */
export function loadDirectRouteTable(dir: string): DirectRouteTable {
  const next = path.join(dir, ".next");
  const routesManifest = readJson(path.join(next, "routes-manifest.json"));
  const appPathRoutes = readJson(path.join(next, "app-path-routes-manifest.json"));
  const appPaths = readJson(path.join(next, "server", "app-paths-manifest.json"));
  const prerender = readJson(path.join(next, "prerender-manifest.json"));
  if (!isRecord(routesManifest) || !isRecord(appPathRoutes) || !isRecord(appPaths) || !isRecord(prerender))
    throw new Error("a route manifest is not an object");
  if (routesManifest.basePath) throw new Error("a basePath is configured");
  if (routesManifest.i18n) throw new Error("i18n routing is configured");
  if (!Array.isArray(routesManifest.staticRoutes) || !Array.isArray(routesManifest.dynamicRoutes)) throw new Error("routes-manifest.json has no route lists");
  const prerendered = new Set([
    ...Object.keys(isRecord(prerender.routes) ? prerender.routes : {}),
    ...Object.keys(isRecord(prerender.dynamicRoutes) ? prerender.dynamicRoutes : {}),
  ]);

  // The route handlers: template → compiled file (`/api/leads/[leadId]` → .next/server/app/api/leads/[leadId]/route.js).
  const handlerFiles = new Map<string, string>();
  for (const [appPath, template] of Object.entries(appPathRoutes)) {
    if (!appPath.endsWith("/route") || typeof template !== "string") continue;
    const file = appPaths[appPath];
    if (typeof file !== "string") throw new Error(`server/app-paths-manifest.json names no file for ${appPath}`);
    if (!prerendered.has(template)) handlerFiles.set(template, path.join(next, "server", file));
  }
  const routes: Route[] = [...(routesManifest.staticRoutes as ManifestRoute[]), ...(routesManifest.dynamicRoutes as ManifestRoute[])].map((r) => {
    if (typeof r.page !== "string" || typeof r.regex !== "string") throw new Error("routes-manifest.json has a route without page or regex");
    return { template: r.page, regex: new RegExp(r.regex), segments: dynamicSegments(r.page), file: handlerFiles.get(r.page) ?? null };
  });
  const configRules = [
    ...conditionalRules(routesManifest.redirects, "redirects"),
    ...conditionalRules(routesManifest.headers, "headers"),
    ...rewriteRules(routesManifest.rewrites),
  ];
  const proxy = proxyMatchers(next);

  const rsc = isRecord(routesManifest.rsc) ? routesManifest.rsc : {};
  return {
    size: handlerFiles.size,
    vary: typeof rsc.varyHeader === "string" ? rsc.varyHeader : null,
    find(pathname, headers, search) {
      // Next.js redirects these (a trailing slash, `//` or `\`) before any route.
      if ((pathname.length > 1 && pathname.endsWith("/")) || pathname.includes("//") || pathname.includes("\\")) return null;
      if (configRules.some((rule) => rule.regex.test(pathname))) return null;
      if (proxy.some((m) => m.regex.test(pathname) && conditionsHold(m, headers, search))) return null;
      const route = routes.find((r) => r.regex.test(pathname));
      if (!route?.file) return null;
      const params = paramsOf(route, pathname);
      return params ? { template: route.template, file: route.file, params } : null;
    },
  };
}

/** The dynamic segments of a template, in order: `[id]`, `[...path]`, `[[...path]]`. */
function dynamicSegments(template: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of template.split("/")) {
    const optional = /^\[\[\.\.\.(.+)\]\]$/.exec(part);
    const all = /^\[\.\.\.(.+)\]$/.exec(part);
    const one = /^\[(.+)\]$/.exec(part);
    if (optional) segments.push({ name: optional[1]!, kind: "optional-all" });
    else if (all) segments.push({ name: all[1]!, kind: "all" });
    else if (one) segments.push({ name: one[1]!, kind: "one" });
  }
  return segments;
}

/** The params Next.js gives the handler (each segment decoded); null when a segment cannot be decoded (Next.js answers 400). */
function paramsOf(route: Route, pathname: string): Record<string, string | string[]> | null {
  const groups = route.regex.exec(pathname)?.slice(1) ?? [];
  if (groups.length !== route.segments.length) return route.segments.length === 0 ? {} : null;
  const params: Record<string, string | string[]> = {};
  try {
    route.segments.forEach((segment, i) => {
      const raw = groups[i];
      if (raw === undefined) return;
      params[segment.name] = segment.kind === "one" ? decodeURIComponent(raw) : raw.split("/").map((s) => decodeURIComponent(s));
    });
  } catch {
    return null;
  }
  return params;
}

function conditionalRules(list: unknown, name: string): Conditional[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`routes-manifest.json ${name} is not a list`);
  return list.map((rule: unknown) => {
    if (!isRecord(rule) || typeof rule.regex !== "string") throw new Error(`routes-manifest.json ${name} has a rule without regex`);
    return { regex: new RegExp(rule.regex) };
  });
}

function rewriteRules(rewrites: unknown): Conditional[] {
  if (rewrites === undefined) return [];
  if (Array.isArray(rewrites)) return conditionalRules(rewrites, "rewrites");
  if (!isRecord(rewrites)) throw new Error("routes-manifest.json rewrites is not a list");
  return ["beforeFiles", "afterFiles", "fallback"].flatMap((phase) => conditionalRules(rewrites[phase], `rewrites.${phase}`));
}

/** The proxy's (or middleware's) matchers, Node.js runtime and edge, as Next.js wrote them. */
function proxyMatchers(next: string): Conditional[] {
  const matchers: ProxyMatcher[] = [];
  const functions = readJson(path.join(next, "server", "functions-config-manifest.json"));
  if (!isRecord(functions) || !isRecord(functions.functions)) throw new Error("server/functions-config-manifest.json has no functions");
  const proxy = functions.functions["/_middleware"];
  if (proxy !== undefined) {
    if (!isRecord(proxy) || !Array.isArray(proxy.matchers)) throw new Error("the proxy in functions-config-manifest.json has no matchers");
    matchers.push(...(proxy.matchers as ProxyMatcher[]));
  }
  const middleware = readJson(path.join(next, "server", "middleware-manifest.json"));
  if (!isRecord(middleware) || !isRecord(middleware.middleware)) throw new Error("server/middleware-manifest.json has no middleware");
  for (const entry of Object.values(middleware.middleware)) {
    if (!isRecord(entry) || !Array.isArray(entry.matchers)) throw new Error("an edge middleware in middleware-manifest.json has no matchers");
    matchers.push(...(entry.matchers as ProxyMatcher[]));
  }
  return matchers.map((m) => {
    if (typeof m.regexp !== "string") throw new Error("a proxy matcher has no regexp");
    if (m.locale !== undefined && m.locale !== false) throw new Error("a proxy matcher has a locale");
    for (const c of [...(m.has ?? []), ...(m.missing ?? [])])
      if (!CONDITION_TYPES.has(c.type)) throw new Error(`a proxy matcher has a condition of type ${c.type}`);
    return { regex: new RegExp(m.regexp), has: m.has, missing: m.missing };
  });
}

/** Next.js's `has`/`missing` rules of a matcher, as its `matchHas` reads them (an empty value counts as absent; a value is a regex over the whole of it). */
function conditionsHold(rule: Conditional, headers: Readonly<Record<string, string | string[] | undefined>>, search: URLSearchParams): boolean {
  return (rule.has ?? []).every((c) => conditionMet(c, headers, search)) && (rule.missing ?? []).every((c) => !conditionMet(c, headers, search));
}

const CONDITION_TYPES = new Set(["header", "cookie", "query", "host"]);

function conditionMet(condition: Condition, headers: Readonly<Record<string, string | string[] | undefined>>, search: URLSearchParams): boolean {
  const key = condition.key ?? "";
  let value: string | string[] | undefined;
  if (condition.type === "header") value = headers[key.toLowerCase()];
  else if (condition.type === "host") value = joined(headers.host)?.split(":", 1)[0]!.toLowerCase();
  else if (condition.type === "query") value = search.getAll(key).length > 1 ? search.getAll(key) : (search.get(key) ?? undefined);
  else value = cookieValue(joined(headers.cookie), key);
  if (!value) return false;
  if (!condition.value) return true;
  return new RegExp(`^${condition.value}$`).test(Array.isArray(value) ? value[value.length - 1]! : value);
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
