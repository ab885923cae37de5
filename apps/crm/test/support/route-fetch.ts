// A fetch that hands each request to the CRM's own route handler for its path (app/**/route.ts),
// in process, with the URL's host as the Host header: the typed client's requests go through the
// same handlers, auth, database and route layer as over HTTP.
import fs from "node:fs";
import path from "node:path";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; file: string };

const appDir = path.resolve(import.meta.dirname, "../../app");

const routes: Route[] = fs
  .readdirSync(appDir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(`${path.sep}route.ts`))
  .map((file) => {
    const segments = path.dirname(file).split(path.sep);
    const names: string[] = [];
    const source = segments
      .map((s) => (/^\[[^.\]]+\]$/.test(s) ? (names.push(s.slice(1, -1)), "([^/]+)") : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    return { pattern: new RegExp(`^/${source}$`), names, file: path.join(appDir, file) };
  })
  // Fixed segments before parameters: /api/contacts/x/merge before /api/contacts/{id}.
  .sort((a, b) => a.names.length - b.names.length);

export async function routeFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    const module = (await import(route.file)) as Record<string, Handler | undefined>;
    const handler = module[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    const headers = new Headers(request.headers);
    headers.set("host", url.host);
    const body = request.body ? await request.arrayBuffer() : undefined;
    return handler(new Request(request.url, { method: request.method, headers, body }), { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}
