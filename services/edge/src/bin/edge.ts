// The edge of the production profile (npm run start:prod): nginx with the website's page cache in
// front of the app instances, and the purger that drops a tenant's pages when the studio changes
// it. Configured by environment (set by scripts/lib/platform.ts):
//   DATABASE_URL, EDGE_DIR (nginx prefix; the cache in EDGE_DIR/cache), EDGE_WEB_PORT,
//   EDGE_WEB_UPSTREAMS (ports, comma-separated), EDGE_CRM_PORT, EDGE_CRM_UPSTREAMS, EDGE_STATIC_DIR;
//   and the apps' APP_MAX_REQUEST_BYTES, nginx's body cap too (read by startNginx).
import path from "node:path";
import { startEdge } from "../edge";

const ports = (name: string): number[] =>
  (process.env[name] ?? "")
    .split(",")
    .filter(Boolean)
    .map((p) => {
      const n = Number(p);
      if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new Error(`${name}: "${p}" is not a port`);
      return n;
    });

const databaseUrl = process.env.DATABASE_URL;
const dir = process.env.EDGE_DIR;
const webPort = Number(process.env.EDGE_WEB_PORT);
if (!databaseUrl || !dir || !Number.isInteger(webPort)) {
  console.error("edge: DATABASE_URL, EDGE_DIR and EDGE_WEB_PORT are required");
  process.exit(2);
}
const log = (line: string) => console.log(`[edge] ${line}`);
try {
  const crmPort = process.env.EDGE_CRM_PORT ? Number(process.env.EDGE_CRM_PORT) : undefined;
  const edge = await startEdge({
    databaseUrl,
    log,
    config: {
      prefix: path.resolve(dir),
      cacheDir: path.resolve(dir, "cache"),
      webPort,
      webUpstreams: ports("EDGE_WEB_UPSTREAMS"),
      crmPort,
      crmUpstreams: ports("EDGE_CRM_UPSTREAMS"),
      staticDir: process.env.EDGE_STATIC_DIR ? path.resolve(process.env.EDGE_STATIC_DIR) : undefined,
    },
  });
  log(`nginx listens: website :${webPort} (page cache)${crmPort ? `, CRM :${crmPort}` : ""}`);
  edge.nginx.child.once("exit", (code, signal) => {
    log(`nginx exited (${code ?? signal}):\n${edge.nginx.errors()}`);
    process.exit(1);
  });
  const stop = () => void edge.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (error) {
  console.error(`[edge] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
