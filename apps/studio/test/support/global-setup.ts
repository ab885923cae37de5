// One test database with the demo data (two tenants, the operator and the owners), and
// production servers of the studio and the web app pointed at it, shared by every test file.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropStaleTestDatabases } from "@real-estate/db/testing";
import { seedDemoData } from "@real-estate/demo";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import { freePorts, REPO_ROOT, startNextServer, type RunningServer } from "./servers";

export default async function setup(project: TestProject) {
  await dropStaleTestDatabases().catch(() => 0);
  const database = await createTestDatabase("studio");
  const servers: RunningServer[] = [];
  let sink: SmtpSink | undefined;
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "studio-test-uploads-"));
  const teardown = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    // Server logs next to the screenshots, for reading after a failure.
    const logs = path.join(process.env.TEST_ARTIFACTS_DIR ?? path.join(REPO_ROOT, "test-artifacts"), "studio");
    fs.mkdirSync(logs, { recursive: true });
    for (const s of servers) fs.writeFileSync(path.join(logs, `${s.name}-server.log`), s.output());
    await sink?.close();
    await database.drop();
    fs.rmSync(uploads, { recursive: true, force: true });
  };
  try {
    await seedDemoData({ db: database.db, log: () => undefined });
    // STUDIO_TEST_PORT_FROM moves the range (default 3300-3399), so two checkouts can run the suite at once.
    const portFrom = Number(process.env.STUDIO_TEST_PORT_FROM) || 3300;
    // Two ports for the test files' local RESO servers (feeds.test.ts, feeds-screen.test.ts): the
    // studio calls feeds on this machine only where FEED_ALLOWED_HOSTS allows exactly them.
    const [studioPort, webPort, ...resoPorts] = await freePorts(4, portFrom, portFrom + 99);
    // The studio's own e-mail (an operator's password reset) goes to this sink; tests read it over its HTTP API.
    sink = await startSmtpSink({ smtpPort: 0, httpPort: 0 });
    // Secrets of this run only, generated here and handed to the servers and the test files.
    const authSecret = crypto.randomBytes(32).toString("base64url");
    const feedCredentialsKey = crypto.randomBytes(32).toString("base64");
    const common = {
      DATABASE_URL: database.url,
      DB_POOL_SIZE: "4",
      UPLOADS_DIR: uploads,
      INTERNAL_API_TOKEN: crypto.randomBytes(32).toString("base64url"),
      // Seals MLS feed secrets (required in production, as these servers run).
      FEED_CREDENTIALS_KEY: feedCredentialsKey,
      BETTER_AUTH_SECRET: authSecret,
      WEB_PUBLIC_PORT: String(webPort),
      TENANT_CACHE_TTL_MS: "5000",
    };
    const started = (server: RunningServer) => (servers.push(server), server);
    // allSettled: when one fails to start, the other is still tracked and stopped.
    const results = await Promise.allSettled([
      startNextServer({ app: "web", port: webPort!, env: common }).then(started),
      startNextServer({
        app: "studio",
        port: studioPort!,
        env: {
          ...common,
          WEB_INTERNAL_URL: `http://127.0.0.1:${webPort}`,
          STUDIO_ORIGINS: `http://localhost:${studioPort},http://127.0.0.1:${studioPort}`,
          STUDIO_PUBLIC_URL: `http://localhost:${studioPort}`,
          RESERVED_HOSTS: "status.platform.localhost",
          SMTP_URL: sink.url,
          FEED_ALLOWED_HOSTS: resoPorts.map((p) => `127.0.0.1:${p}`).join(","),
        },
      }).then(started),
    ]);
    for (const r of results) if (r.status === "rejected") throw r.reason;
    project.provide("databaseUrl", database.url);
    project.provide("studioPort", studioPort!);
    project.provide("webPort", webPort!);
    project.provide("uploadsDir", uploads);
    project.provide("authSecret", authSecret);
    project.provide("mailApiPort", sink.httpPort!);
    project.provide("feedCredentialsKey", feedCredentialsKey);
    project.provide("resoPorts", resoPorts as [number, number]);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    databaseUrl: string;
    studioPort: number;
    webPort: number;
    uploadsDir: string;
    authSecret: string;
    /** HTTP port of the SMTP sink that receives the studio's own e-mail (GET /api/messages). */
    mailApiPort: number;
    /** The servers' key for feed secrets, for a worker run in a test process to open them. */
    feedCredentialsKey: string;
    /** Ports for the local RESO servers of feeds.test.ts and feeds-screen.test.ts, the studio's FEED_ALLOWED_HOSTS. */
    resoPorts: [number, number];
  }
}
