// A small Next.js production build as the direct lane reads it: the manifests in the shape Next.js
// 16 writes them (the proxy's matchers are the CRM's, as `next build` compiled them), and each
// route handler's `route.js` giving `{ routeModule }` with `ensureUserland()` and `userland`, as
// a compiled route does. The handlers are in test/support/direct-routes/*.mjs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROUTES_DIR = path.join(import.meta.dirname, "direct-routes");

/** The CRM's proxy matchers, as `next build` wrote them into functions-config-manifest.json. */
const CRM_PROXY_MATCHERS = [
  {
    regexp:
      "^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?!_next\\/static|_next\\/image|favicon.ico|api\\/|v1\\/).*))(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
    originalSource: "/((?!_next/static|_next/image|favicon.ico|api/|v1/).*)",
  },
  {
    regexp:
      "^(?:\\/(_next\\/data\\/[^/]{1,}))?\\/api\\/auth(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
    originalSource: "/api/auth/:path*",
  },
  {
    regexp: "^(?:\\/(_next\\/data\\/[^/]{1,}))?\\/api\\/openapi\\.json(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
    originalSource: "/api/openapi.json",
  },
  {
    missing: [{ type: "header", key: "authorization" }],
    regexp:
      "^(?:\\/(_next\\/data\\/[^/]{1,}))?\\/api(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
    originalSource: "/api/:path*",
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/** Route handlers of the fixture: template → file in direct-routes/. */
const HANDLERS: Record<string, string> = {
  "/api/echo/[id]": "echo.mjs",
  "/api/files/[...path]": "echo.mjs",
  "/api/only-get": "only-get.mjs",
  "/api/cookies": "cookies.mjs",
  "/api/fail": "fail.mjs",
  "/api/stream": "stream.mjs",
  "/api/upload": "upload.mjs",
  "/api/broken": "broken.mjs",
  "/api/auth/[...all]": "echo.mjs",
  "/api/prerendered": "echo.mjs",
};

/**
 * Writes the build into a fresh folder and returns it. `functionsConfig: false` leaves
 * functions-config-manifest.json out (a build the lane does not understand).
 */
export function writeDirectBuild(options: { functionsConfig?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "direct-build-"));
  const next = path.join(dir, ".next");
  fs.mkdirSync(path.join(next, "server", "app"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), "{}\n");
  const templates = Object.keys(HANDLERS);
  const staticTemplates = [...templates.filter((t) => !t.includes("[")), "/dashboard"];
  const dynamicTemplates = templates.filter((t) => t.includes("[")).sort((a, b) => (a.includes("...") ? 1 : 0) - (b.includes("...") ? 1 : 0));
  const regexOf = (template: string) =>
    `^${template
      .split("/")
      .map((part) => (part.startsWith("[...") ? "(.+?)" : part.startsWith("[") ? "([^/]+?)" : escape(part)))
      .join("/")}(?:/)?$`;
  const routesManifest = {
    version: 3,
    basePath: "",
    caseSensitive: false,
    redirects: [{ source: "/:path+/", destination: "/:path+", internal: true, statusCode: 308, regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))/$" }],
    headers: [],
    rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
    rsc: { header: "rsc", varyHeader: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch" },
    staticRoutes: staticTemplates.map((page) => ({ page, regex: regexOf(page) })),
    dynamicRoutes: dynamicTemplates.map((page) => ({ page, regex: regexOf(page) })),
  };
  const appPathRoutes: Record<string, string> = { "/(app)/dashboard/page": "/dashboard" };
  const appPaths: Record<string, string> = { "/(app)/dashboard/page": "app/(app)/dashboard/page.js" };
  for (const [template, source] of Object.entries(HANDLERS)) {
    appPathRoutes[`${template}/route`] = template;
    appPaths[`${template}/route`] = `app${template}/route.js`;
    const file = path.join(next, "server", "app", ...template.split("/"), "route.js");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `module.exports = require(${JSON.stringify(path.join(ROUTES_DIR, source))});\n`);
  }
  const write = (name: string, value: unknown) => fs.writeFileSync(path.join(next, name), JSON.stringify(value, null, 1));
  write("routes-manifest.json", routesManifest);
  write("app-path-routes-manifest.json", appPathRoutes);
  write("server/app-paths-manifest.json", appPaths);
  write("prerender-manifest.json", { version: 4, routes: { "/api/prerendered": {} }, dynamicRoutes: {} });
  write("required-server-files.json", { version: 1, config: { compress: true } });
  write("server/middleware-manifest.json", { version: 3, middleware: {}, sortedMiddleware: [], functions: {} });
  if (options.functionsConfig !== false)
    write("server/functions-config-manifest.json", { version: 1, functions: { "/_middleware": { runtime: "nodejs", matchers: CRM_PROXY_MATCHERS } } });
  return dir;
}
