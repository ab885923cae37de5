// The whole platform on one machine, for `npm start` (production builds) and `npm run dev`
// (hot reload). Uses DATABASE_URL when set; otherwise a real PostgreSQL server embedded from the
// npm registry, with its data in .data/postgres. Migrates, seeds demo data when the database is
// empty, then runs web, CRM, studio and the ingestion worker. `--port-offset N` (or PORT_OFFSET)
// moves every port by N so two installs can run side by side.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { createPrismaClient, describeUrl, explainDatabaseError } from "@real-estate/db";
import { EMBEDDED_DEFAULT_PORT, startEmbeddedServer, type EmbeddedServer } from "@real-estate/db/embedded";
import { applyPendingMigrations, migrationTargetForUrl } from "@real-estate/db/migrate";
import { runService, runStep, stopAll } from "./processes";
import { startSecrets } from "./start-secrets";
import { ensureDemoFeed } from "./demo-feed";
import { startAppInstances } from "./app-instances";
import { serverNodeFlags } from "@real-estate/http/node-flags";
import { appLinkEnv, platformPorts, portOffset, productionInstances } from "@real-estate/http/platform-ports";

export type PlatformMode = "start" | "dev";

/**
 * `plain`: one process per app (npm start). `cache`: the production profile (npm run start:prod):
 * nginx in front, with the website's page cache, and two instances each of web and CRM behind it.
 */
export type PlatformProfile = "plain" | "cache";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function runPlatform(mode: PlatformMode, argv = process.argv.slice(2), profile: PlatformProfile = "plain"): Promise<void> {
  const tag = mode === "dev" ? "[dev]" : profile === "cache" ? "[start:prod]" : "[start]";
  const log = (line: string) => console.log(`${tag} ${line}`);
  let offset: number;
  try {
    offset = portOffset(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const ports = platformPorts(offset, process.env, EMBEDDED_DEFAULT_PORT);
  // The cache profile's web and CRM instances and their metrics ports, from the ports module:
  // started by startAppInstances, named in the log line below.
  const instances = productionInstances(ports, offset);
  const children: ChildProcess[] = [];
  let embedded: EmbeddedServer | undefined;
  let stopping = false;

  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    log("stopping...");
    await stopAll(children);
    if (embedded) {
      await embedded.stop().catch((error: Error) => log(`embedded PostgreSQL did not stop cleanly: ${error.message}`));
    }
    log("stopped");
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));

  try {
    const secrets = startSecrets(process.env, log);
    let databaseUrl = process.env.DATABASE_URL?.trim();
    if (!databaseUrl) {
      log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)");
      embedded = await startEmbeddedServer({ port: ports.postgres, log: (l) => log(`postgres: ${l}`) });
      databaseUrl = embedded.url;
      if (stopping) return;
      log(
        `embedded PostgreSQL 18 accepts connections on 127.0.0.1:${embedded.port} (runs as ${embedded.user}, started in ${(embedded.startMs / 1000).toFixed(1)} s)`,
      );
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: mode === "dev" ? "development" : "production",
      ...secrets,
      // Next.js otherwise announces anonymous telemetry on the first run; the project sends none.
      NEXT_TELEMETRY_DISABLED: "1",
      // Likewise turbo's first-run telemetry notice.
      TURBO_TELEMETRY_DISABLED: "1",
      METRICS_PORT: String(ports.metrics),
      // Outgoing e-mail goes to the local SMTP sink (services/smtp-sink) unless SMTP_URL says otherwise.
      SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`,
      MAILBOX_URL: process.env.MAILBOX_URL ?? `http://127.0.0.1:${ports.mailbox}`,
      // Webhook deliveries go to public addresses only, and to the local receiver stand-in
      // (services/webhook-sink) that npm start runs: an operator's allow-list entry.
      WEBHOOK_ALLOWED_HOSTS: process.env.WEBHOOK_ALLOWED_HOSTS ?? `127.0.0.1:${ports.webhooks}`,
      // Likewise MLS feeds: public addresses only, and the local RESO server (Shoreline's demo feed),
      // for the worker and studio calling it and the website fetching its listing photos.
      FEED_ALLOWED_HOSTS: process.env.FEED_ALLOWED_HOSTS ?? `127.0.0.1:${ports.reso}`,
      // Links between the apps (e-mails, canonical URLs, the studio's links and revalidation) on this run's ports.
      ...appLinkEnv(ports),
      STUDIO_ORIGINS: process.env.STUDIO_ORIGINS ?? `http://localhost:${ports.studio},http://127.0.0.1:${ports.studio}`,
      // Public URL of the CRM's auth endpoints for a request whose host is not an allowed one.
      BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${ports.crm}`,
      // Feed credentials are sealed with a key kept in the data folder unless one is configured.
      ...(process.env.FEED_CREDENTIALS_KEY
        ? {}
        : { FEED_CREDENTIALS_KEY_FILE: process.env.FEED_CREDENTIALS_KEY_FILE ?? path.join(root, ".data", "feed-credentials.key") }),
    };
    if (env.FEED_CREDENTIALS_KEY_FILE) process.env.FEED_CREDENTIALS_KEY_FILE = env.FEED_CREDENTIALS_KEY_FILE;
    const resoUrl = `http://127.0.0.1:${ports.reso}`;

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

    const seed = await import("@real-estate/demo");
    const db = createPrismaClient({ url: databaseUrl, poolSize: 2 });
    try {
      if (await seed.isDemoDataSeeded(db)) log("demo data present");
      else {
        log("empty database: seeding demo data...");
        await seed.seedDemoData({ db, log: (l: string) => log(`seed: ${l}`) });
      }
      await ensureDemoFeed({ db, resoUrl, allowedHosts: env.FEED_ALLOWED_HOSTS, log });
      // A Shoreline visitor's instant saved search: the demo feed's changes send it an alert.
      const alerted = await seed.ensureDemoAlertVisitor({ db });
      if (alerted?.created) log(`demo visitor ${seed.DEMO_VISITOR.email} added with a saved search; the feed's next changes send it an alert`);
    } finally {
      await db.$disconnect();
    }
    if (stopping) return;

    if (mode === "start") {
      log("building the apps (cached when nothing changed)...");
      const filters = ["web", "crm-app", "studio"].map((n) => `--filter=@real-estate/${n}`);
      const buildCode = await runStep("build", "npx", ["turbo", "run", "build", ...filters, "--output-logs=new-only"], env, root, children);
      if (stopping) return;
      if (buildCode !== 0) throw new Error(`build failed (exit ${buildCode})`);
    }

    // The Shoreline demo tenant's MLS: a local RESO Web API server with sample data.
    children.push(runService("reso", "npx", ["tsx", "scripts/reso-server.ts", "--port", String(ports.reso)], env, path.join(root, "packages/demo")));
    const { restartable, edgePorts } = startAppInstances({
      mode,
      profile,
      env,
      ports,
      instances,
      children,
      isStopping: () => stopping,
      log,
    });
    if (profile === "cache") {
      const edgeEnv = {
        ...env,
        EDGE_DIR: process.env.EDGE_DIR ?? path.join(root, ".data", "edge"),
        EDGE_WEB_PORT: String(ports.web),
        EDGE_WEB_UPSTREAMS: edgePorts.web.join(","),
        EDGE_CRM_PORT: String(ports.crm),
        EDGE_CRM_UPSTREAMS: edgePorts.crm.join(","),
        EDGE_STATIC_DIR: path.join(root, "bench", "static"),
      };
      children.push(runService("edge", "npx", ["tsx", "src/bin/edge.ts"], edgeEnv, path.join(root, "services/edge")));
    }
    if (!process.env.SMTP_URL) {
      // The local stand-in for a mail provider: keeps what it receives in .data/mailbox.
      const sinkEnv = {
        ...env,
        SMTP_SINK_PORT: String(ports.smtp),
        SMTP_SINK_HTTP_PORT: String(ports.mailbox),
        SMTP_SINK_DIR: path.join(root, ".data", "mailbox"),
      };
      children.push(runService("mail", "npx", ["tsx", "src/bin/serve.ts"], sinkEnv, path.join(root, "services/smtp-sink")));
    }
    // The local stand-in for a brokerage's webhook receiver: endpoints http://127.0.0.1:<port>/hooks/<name>.
    children.push(
      runService("hooks", "npx", ["tsx", "src/bin/serve.ts"], { ...env, WEBHOOK_SINK_PORT: String(ports.webhooks) }, path.join(root, "services/webhook-sink")),
    );
    // In development the worker restarts when its code (or a package it imports) changes. In
    // production it runs with its own node flags (`serverNodeFlags` in its package.json, decision
    // 0074), which tsx passes to the worker's node process, as its `drain` script and the bench do.
    const workerDir = path.join(root, "services/ingestion-worker");
    const workerArgs =
      mode === "dev" ? ["tsx", "watch", "--clear-screen=false", "src/bin/drain.ts"] : ["tsx", ...serverNodeFlags(workerDir), "src/bin/drain.ts"];
    children.push(runService("worker", "npx", workerArgs, env, workerDir));
    for (const child of children) {
      if (restartable.has(child)) continue;
      child.on("exit", (code, signal) => {
        if (!stopping) {
          log(`a service exited (code ${code ?? signal}); stopping everything`);
          void shutdown(1);
        }
      });
    }

    const where = embedded ? `embedded PostgreSQL 127.0.0.1:${embedded.port}` : `PostgreSQL ${describeUrl(databaseUrl)}`;
    const edgeMetrics = [...instances.web, ...instances.crm].map((i) => i.metricsPort).join(", :");
    if (profile === "cache")
      log(
        `production profile: nginx on :${ports.web} (website, page cache) and :${ports.crm} (CRM) in front of web instances :${edgePorts.web.join(", :")} and CRM instances :${edgePorts.crm.join(", :")} (metrics :${edgeMetrics})`,
      );
    log(
      `listening: web :${ports.web}, crm :${ports.crm}, studio :${ports.studio}, app metrics :${ports.webMetrics}/:${ports.crmMetrics}/:${ports.studioMetrics}, worker metrics :${ports.metrics}, mail sink smtp :${ports.smtp} (mailbox ${env.MAILBOX_URL}/api/messages), webhook receiver http://127.0.0.1:${ports.webhooks}/hooks/… (received: /api/requests), ${where}`,
    );
    const accounts = seed.DEMO_ACCOUNTS.map((a) => ({
      who: a.platformRole === "operator" ? "operator (studio)" : `${a.tenantSlug} ${a.role?.toLowerCase()}`,
      email: a.email,
      password: a.password,
    }));
    console.log(`
  The platform is running${mode === "dev" ? " in development mode (hot reload)" : ""} (Ctrl-C stops everything):
    Fairfield website   http://fairfield.localhost:${ports.web}   (also http://localhost:${ports.web})
    Shoreline website   http://shoreline.localhost:${ports.web}
    Fairfield CRM       http://crm.fairfield.localhost:${ports.crm}
    Shoreline CRM       http://crm.shoreline.localhost:${ports.crm}
    Studio (operators)  http://localhost:${ports.studio}
    Worker metrics      http://127.0.0.1:${ports.metrics}/metrics (loopback only)
    App metrics         http://127.0.0.1:${ports.webMetrics}/metrics (web), :${ports.crmMetrics} (CRM), :${ports.studioMetrics} (studio)
    Health              /healthz (alive) and /readyz (database and migrations) on every app
    Local RESO server   ${resoUrl}/odata   (Shoreline's MLS feed: sample data)
  Demo sign-ins:
${accounts.map((a) => `    ${a.who.padEnd(18)} ${a.email.padEnd(28)} ${a.password}`).join("\n")}
    ${"shoreline visitor".padEnd(18)} ${seed.DEMO_VISITOR.email.padEnd(28)} ${seed.DEMO_VISITOR.password}   (website; its saved search gets alerts as the demo feed changes, about a minute apart)
  Mail the platform sent  http://localhost:${ports.studio}/outbox (studio), as received: ${env.MAILBOX_URL}/api/messages
`);
  } catch (error) {
    console.error(`${tag} ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}
