// npm start: the whole platform on one machine. Uses DATABASE_URL when set; otherwise an
// embedded PostgreSQL (PGlite, persisted in .data/) served on loopback to every process.
// Migrates, seeds demo data when the database is empty, builds what is not built, then runs
// web (3000), CRM (3001), studio (3002) and the ingestion worker (metrics on 9464).
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { createPrismaClient, explainDatabaseError, startEmbeddedServer, type EmbeddedServer } from "@real-estate/db";
import { applyPendingMigrations, migrationTargetForUrl } from "@real-estate/db/migrate";
import { runService, runStep, stopAll } from "./lib/processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => console.log(`[start] ${line}`);
const children: ChildProcess[] = [];
let embedded: EmbeddedServer | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping...");
  await stopAll(children);
  await embedded?.stop();
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  let databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    log("DATABASE_URL is not set: starting embedded PostgreSQL (PGlite, persisted in .data/; the first start takes ~15 s)");
    embedded = await startEmbeddedServer();
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL listening on 127.0.0.1:${embedded.port}`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // The embedded server runs one query at a time; small pools keep it responsive.
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? (embedded ? "3" : "10"),
    NODE_ENV: "production",
    // Without BETTER_AUTH_SECRET the apps sign sessions with the documented demo secret
    // (see packages/auth/src/auth-env.ts); set BETTER_AUTH_SECRET for anything real.
    AUTH_DEMO_MODE: process.env.BETTER_AUTH_SECRET ? process.env.AUTH_DEMO_MODE : "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  log("migrating...");
  const target = migrationTargetForUrl(databaseUrl);
  try {
    const applied = await applyPendingMigrations(target);
    log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database schema is up to date");
  } catch (error) {
    throw new Error(`migration failed: ${explainDatabaseError(error)}`);
  } finally {
    await target.close();
  }

  const seed = await import("@real-estate/db/seed");
  const db = createPrismaClient({ url: databaseUrl, poolSize: 2 });
  if (await seed.isDemoDataSeeded(db)) log("demo data present");
  else {
    log("empty database: seeding demo data...");
    await seed.seedDemoData({ db, log: (l: string) => log(`seed: ${l}`) });
  }
  await db.$disconnect();

  log("building the apps (cached when nothing changed)...");
  const buildCode = await runStep(
    "build",
    "npx",
    ["turbo", "run", "build", "--filter=@real-estate/web", "--filter=@real-estate/crm", "--filter=@real-estate/studio", "--output-logs=new-only"],
    { ...env, NODE_ENV: "production" },
    root,
    children,
  );
  if (stopping) return;
  if (buildCode !== 0) throw new Error(`build failed (exit ${buildCode})`);

  const apps = [
    { name: "web", port: process.env.WEB_PORT ?? "3000" },
    { name: "crm", port: process.env.CRM_PORT ?? "3001" },
    { name: "studio", port: process.env.STUDIO_PORT ?? "3002" },
  ];
  for (const app of apps) {
    children.push(runService(app.name, "npx", ["next", "start", "-p", app.port], { ...env, PORT: app.port }, path.join(root, "apps", app.name)));
  }
  children.push(runService("worker", "npx", ["tsx", "src/bin/drain.ts"], env, path.join(root, "services/ingestion-worker")));
  for (const child of children) {
    child.on("exit", (code, signal) => {
      if (!stopping) {
        log(`a service exited (code ${code ?? signal}); stopping everything`);
        void shutdown(1);
      }
    });
  }

  const accounts = seed.DEMO_ACCOUNTS.map((a) => ({
    who: a.platformRole === "operator" ? "operator (studio)" : `${a.tenantSlug} ${a.role?.toLowerCase()}`,
    email: a.email,
    password: a.password,
  }));
  console.log(`
  The platform is running (Ctrl-C stops everything):
    Fairfield website   http://fairfield.localhost:3000   (also http://localhost:3000)
    Shoreline website   http://shoreline.localhost:3000
    Fairfield CRM       http://crm.fairfield.localhost:3001
    Shoreline CRM       http://crm.shoreline.localhost:3001
    Studio (operators)  http://localhost:3002
    Worker metrics      http://localhost:9464/metrics
  Demo sign-ins:
${accounts.map((a) => `    ${a.who.padEnd(18)} ${a.email.padEnd(28)} ${a.password}`).join("\n")}
`);
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
