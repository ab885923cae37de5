// The world of the routing, My day and action plan story in the browser: a database with two
// brokerages (Fairfield with two agents besides its owner and agent, Shoreline beside it), the
// production builds of the CRM and the website, the real ingestion worker process mailing a
// local SMTP sink, and Chromium; with the helpers the story's steps share.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { setDb } from "@real-estate/db";
import { createTestDatabase, type TestDatabase } from "@real-estate/db/testing";
import { launchChromium, REPO_ROOT, startNextApp, type NextAppServer } from "@real-estate/http/testing";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { createCrmFixtureTenant, createUserWithPassword, PASSWORD, type FixtureTenant } from "./crm-fixture";
import { httpGet, startCrmServer, type CrmServer } from "./crm-server";

// Ports of the servers (CRM, website), clear of the other CRM browser tests'.
export const CRM_PORT = 4240;
export const WEB_PORT = 4250;
/** Per test: sign-ins hash with scrypt and first page renders compile server code; both crawl on a busy machine. */
export const STEP_TIMEOUT = 180_000;
/** How long the worker may take to turn a form post into a routed lead, a task and a delivered e-mail. */
export const WORKER_DEADLINE_MS = 120_000;
export const CRM_HOST = "crm.fairfield.localhost";
export const WEB_HOST = "fairfield.localhost";
export const OTHER_CRM_HOST = "crm.shoreline.localhost";
export const PLAN_NAME = "Website welcome";
export const RULE_NAME = "Website leads, shared";
export const EMAIL_SUBJECT = "Thank you for contacting Fairfield County Homes";
export const CALL_TITLE = "Call to welcome";
export const TEXT_TITLE = "Check in by text";
export const shots = path.resolve(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_ROOT, "test-artifacts"), "crm");
export const WORKER_LOG = path.join(shots, "routing-plans-worker.log");

export type Agent = { name: string; email: string; userId: string; membershipId: string };
export type Visitor = { name: string; email: string; phone: string; message: string };
export const VISITORS: Visitor[] = [
  { name: "Robin Harper", email: "robin.harper@example.com", phone: "203-555-0101", message: "We are moving to Fairfield in the spring." },
  { name: "Morgan Ellis", email: "morgan.ellis@example.com", phone: "203-555-0102", message: "Looking for a colonial near the train." },
];

export const crmUrl = (p: string, host = CRM_HOST) => `http://${host}:${CRM_PORT}${p}`;
export const webUrl = (p: string) => `http://${WEB_HOST}:${WEB_PORT}${p}`;
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true });
export const workerLog = () => (fs.existsSync(WORKER_LOG) ? fs.readFileSync(WORKER_LOG, "utf8").split("\n").slice(-30).join("\n") : "");

/** Polls `read` until `done` holds for its value or the deadline passes; the last value either way. */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = WORKER_DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs / 1000} s (last seen: ${JSON.stringify(value)})\nworker log:\n${workerLog()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export type RoutingPlansWorld = {
  testDb: TestDatabase;
  fairfield: FixtureTenant;
  shoreline: FixtureTenant;
  /** Fairfield's two agents the round-robin rule shares leads between. */
  agents: Agent[];
  /** The SMTP server the worker delivers to. */
  sink: SmtpSink;
  /** A browser context of its own, with the story's viewport and timeouts. */
  newContext: () => Promise<BrowserContext>;
  /** Signs `email` in through the CRM's sign-in form on `host`. */
  signIn: (page: Page, email: string, host?: string) => Promise<void>;
  stop: () => Promise<void>;
};

async function addAgent(testDb: TestDatabase, tenantId: string, name: string, email: string): Promise<Agent> {
  const userId = await createUserWithPassword(testDb.db, email, name);
  const m = await testDb.db.tenantMembership.create({ data: { tenantId, userId, role: "AGENT" } });
  return { name, email, userId, membershipId: m.id };
}

type Worker = { child: ChildProcess; exited: Promise<void> };

/** The real worker binary (`npm run worker:ingestion:drain`) against the test database, mailing the sink. */
function startWorker(databaseUrl: string, smtpUrl: string): Worker {
  const dir = path.join(REPO_ROOT, "services", "ingestion-worker");
  const log = fs.openSync(WORKER_LOG, "w");
  const child = spawn(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(dir, "src", "bin", "drain.ts")], {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      METRICS_PORT: "off",
      INGESTION_POLL_INTERVAL_MS: "250",
      INGESTION_CONCURRENCY: "4",
      PUBLIC_WEB_PORT: String(WEB_PORT),
      PUBLIC_CRM_PORT: String(CRM_PORT),
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => fs.closeSync(log));
  return { child, exited };
}

async function stopWorker(worker: Worker | undefined) {
  if (!worker?.child.pid || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  process.kill(-worker.child.pid, "SIGTERM");
  const stopped = await Promise.race([worker.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
  if (!stopped) process.kill(-worker.child.pid, "SIGKILL");
}

/**
 * Starts the story's world. Generous on time: copying a build waits while anyone on the machine
 * rebuilds that app (the shared build lock). What started is stopped again when a later part fails.
 */
export async function startRoutingPlansWorld(): Promise<RoutingPlansWorld> {
  fs.mkdirSync(shots, { recursive: true });
  const testDb = await createTestDatabase("crmrouting");
  let crm: CrmServer | undefined;
  let web: NextAppServer | undefined;
  let worker: Worker | undefined;
  let sink: SmtpSink | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await web?.stop();
    await crm?.stop();
    await stopWorker(worker);
    await sink?.close();
    await testDb.drop();
  };
  try {
    setDb(testDb.db);
    const fairfield = await createCrmFixtureTenant(testDb.db, {
      slug: "fairfield",
      name: "Fairfield County Homes",
      crmHosts: [CRM_HOST],
      webHosts: [WEB_HOST],
      people: [],
    });
    const agents = [
      await addAgent(testDb, fairfield.tenantId, "Avery Stone", "avery.stone@fairfield.example"),
      await addAgent(testDb, fairfield.tenantId, "Blake Rivers", "blake.rivers@fairfield.example"),
    ];
    // A second brokerage on the same servers: its people must never appear in Fairfield's routing.
    const shoreline = await createCrmFixtureTenant(testDb.db, {
      slug: "shoreline",
      name: "Shoreline Realty",
      crmHosts: [OTHER_CRM_HOST],
      webHosts: ["shoreline.localhost"],
      people: [],
    });
    await testDb.db.user.update({ where: { id: shoreline.agent.userId }, data: { name: "Sasha Shoreline" } });
    sink = await startSmtpSink({ smtpPort: 0, httpPort: null });
    worker = startWorker(testDb.url, sink.url);
    crm = await startCrmServer({ port: CRM_PORT, databaseUrl: testDb.url, readyHost: CRM_HOST });
    web = await startNextApp({
      app: "web",
      label: "crm-routing-tests",
      port: WEB_PORT,
      env: {
        DATABASE_URL: testDb.url,
        WEB_PUBLIC_PORT: String(WEB_PORT),
        // The bot guard's minimum fill time is the web suite's subject, not this one's.
        WEB_FORM_MIN_FILL_MS: "0",
        WEB_RATE_LIMIT_PER_MINUTE: "1000",
        INTERNAL_API_TOKEN: crypto.randomBytes(32).toString("base64url"),
      },
      logFile: path.join(shots, `routing-plans-web-${WEB_PORT}.log`),
      // An unknown host answers 404 once the app is up.
      ready: (port) => httpGet({ port, host: "readiness.invalid", path: "/" }).then((r) => r.status === 404),
      readyTimeoutMs: 120_000,
    });
    const started = await launchChromium();
    browser = started;
    return {
      testDb,
      fairfield,
      shoreline,
      agents,
      sink,
      newContext: async () => {
        const context = await started.newContext({ viewport: { width: 1360, height: 900 } });
        context.setDefaultNavigationTimeout(90_000);
        context.setDefaultTimeout(45_000);
        return context;
      },
      signIn: async (page, email, host = CRM_HOST) => {
        await page.goto(crmUrl("/sign-in", host));
        await page.fill("#email", email);
        await page.fill("#password", PASSWORD);
        await page.click("button[type=submit]");
        await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
