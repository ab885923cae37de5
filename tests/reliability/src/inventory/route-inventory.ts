// Walks apps/*/app/** and lists every route handler (route.ts) and page (page.tsx) with its
// URL pattern and verbs, so the isolation matrix covers new routes without anyone editing it.
import fs from "node:fs";
import path from "node:path";

export type AppName = "web" | "crm" | "studio";
export const HTTP_VERBS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

export type RouteEntry = {
  app: AppName;
  kind: "api" | "page";
  /** File relative to the repository root. */
  file: string;
  /** URL pattern as served to a browser, e.g. `/api/leads/[leadId]` (route groups removed). */
  pattern: string;
  /** Dynamic segment names in order, e.g. ["leadId"]; catch-alls are prefixed with "...". */
  params: string[];
  verbs: HttpVerb[];
  /**
   * Segments the app reaches only through its proxy rewrite (web's `/sites/[site]`), removed
   * from `pattern`; `internalPattern` keeps them so probes can try to name them directly.
   */
  internalPattern?: string;
};

/** Web pages live under a tenant-keyed segment that proxy.ts rewrites to (see apps/web/proxy.ts). */
const INTERNAL_PREFIXES: Partial<Record<AppName, RegExp>> = { web: /^\/(?:_sites|sites)\/\[[^\]]+\]/ };

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/^(route\.(ts|tsx|js)|page\.(tsx|ts|jsx|js))$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * The methods a route file serves: its exported handlers (`export async function GET`, `export
 * const POST`, `export { x as GET }`), or, for a CRM API route whose exports all come from
 * `apiRoutes({ … })` (every method exported, the unserved ones answered 405 and OPTIONS 204 by the
 * route layer), the handlers given to it: members of its argument, two spaces in.
 */
export function exportedVerbs(source: string): HttpVerb[] {
  if (/export\s+const\s*\{[^}]*\}\s*=\s*apiRoutes\(/.test(source)) {
    const served = new Set([...source.matchAll(/^ {2}(?:async )?(GET|POST|PUT|PATCH|DELETE)(?:\(|: )/gm)].map((m) => m[1]));
    return HTTP_VERBS.filter((v) => served.has(v));
  }
  const found = new Set<HttpVerb>();
  for (const verb of HTTP_VERBS) {
    const direct = new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let|var)\\s+${verb}\\b`);
    const renamed = new RegExp(`export\\s*\\{[^}]*\\bas\\s+${verb}\\b[^}]*\\}`);
    const plain = new RegExp(`export\\s*\\{[^}]*(?:^|[\\s,{])${verb}(?=[\\s,}])[^}]*\\}`);
    if (direct.test(source) || renamed.test(source) || plain.test(source)) found.add(verb);
  }
  // `export const { GET, POST } = handler(...)` (destructured exports, e.g. auth handlers)
  const destructured = source.match(/export\s+const\s*\{([^}]*)\}\s*=/);
  if (destructured) for (const verb of HTTP_VERBS) if (new RegExp(`\\b${verb}\\b`).test(destructured[1]!)) found.add(verb);
  return HTTP_VERBS.filter((v) => found.has(v));
}

function toPattern(relDir: string): string {
  const segments = relDir.split(path.sep).filter((s) => s && s !== "." && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

const paramsOf = (pattern: string) => [...pattern.matchAll(/\[(\[?\.\.\.)?([^\]]+)\]\]?/g)].map((m) => (m[1] ? `...${m[2]}` : m[2]!));

/** The inventory of one repository (default: this one). */
export function buildRouteInventory(repoRoot = path.resolve(import.meta.dirname, "../../../..")): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const app of ["web", "crm", "studio"] as const) {
    const appDir = path.join(repoRoot, "apps", app, "app");
    for (const file of walk(appDir)) {
      const isRoute = /route\.(ts|tsx|js)$/.test(file);
      const relDir = path.relative(appDir, path.dirname(file));
      let pattern = toPattern(relDir);
      let internalPattern: string | undefined;
      const internal = INTERNAL_PREFIXES[app];
      if (internal?.test(pattern)) {
        internalPattern = pattern;
        pattern = pattern.replace(internal, "") || "/";
      }
      const verbs = isRoute ? exportedVerbs(fs.readFileSync(file, "utf8")) : (["GET"] as HttpVerb[]);
      entries.push({
        app,
        kind: isRoute ? "api" : "page",
        file: path.relative(repoRoot, file),
        pattern,
        params: paramsOf(pattern),
        verbs,
        ...(internalPattern ? { internalPattern } : {}),
      });
    }
  }
  return entries.sort((a, b) => `${a.app}${a.pattern}`.localeCompare(`${b.app}${b.pattern}`));
}

/** Fills a pattern's dynamic segments; unknown params get `fallback`. */
export function fillPattern(pattern: string, values: Record<string, string>, fallback = "x"): string {
  return pattern.replace(/\[(\[?\.\.\.)?([^\]]+)\]\]?/g, (_m, _dots, name: string) => encodeURIComponent(values[name] ?? fallback).replace(/%2F/g, "/"));
}
