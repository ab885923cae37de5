// npm test: every workspace's tests against a real PostgreSQL. TEST_DATABASE_URL when set; else
// the server on 127.0.0.1:5432 when one answers there (as CI has); else an embedded PostgreSQL
// started for this run in a temporary folder and removed afterwards. Each test file gets its own
// database cloned from a migrated template, whichever server it is.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "@real-estate/db/embedded";
import { findChromium, howToGetChromium } from "./lib/find-chromium";

const LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(`npm test: ${line}`);

/** null when the server answers a query; else why not. */
async function probe(url: string, timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

// The browser tests (web, CRM, studio, reliability) need Chromium: find it before anything starts.
const chromium = findChromium();
if (chromium.found === null) {
  console.error(
    `npm test: the browser tests need Chromium: ${chromium.problem}.\nLooked in:\n${chromium.looked.map((l) => `  ${l}`).join("\n")}\nGet one with:\n${howToGetChromium()}`,
  );
  process.exit(1);
}
log(`Chromium: ${chromium.found}`);

let embedded: EmbeddedServer | undefined;
let embeddedDir: string | undefined;
async function cleanup() {
  await embedded?.stop().catch((error: Error) => console.error(`npm test: embedded PostgreSQL did not stop cleanly: ${error.message}`));
  if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
}

let url = process.env.TEST_DATABASE_URL?.trim();
if (url) {
  const problem = await probe(url, 10_000);
  if (problem) {
    console.error(
      `npm test: PostgreSQL is not reachable at TEST_DATABASE_URL (${new URL(url).host}): ${problem}. Start it, or unset TEST_DATABASE_URL to use an embedded server.`,
    );
    process.exit(1);
  }
  log(`PostgreSQL at ${new URL(url).host} (TEST_DATABASE_URL)`);
} else {
  const problem = await probe(LOCAL_URL, 3_000);
  if (!problem) {
    url = LOCAL_URL;
    log("PostgreSQL at 127.0.0.1:5432");
  } else {
    log(`nothing usable on 127.0.0.1:5432 (${problem}): starting an embedded PostgreSQL for this run`);
    // Under the system's temporary folder, which an unprivileged server user can reach when we are root.
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "re-test-postgres-"));
    fs.chmodSync(embeddedDir, 0o755);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => void cleanup().then(() => process.exit(130)));
    }
    try {
      embedded = await startEmbeddedServer({ dir: embeddedDir, durable: false, log: (l) => log(`postgres: ${l}`) });
    } catch (error) {
      await cleanup();
      console.error(`npm test: ${(error as Error).message}`);
      process.exit(1);
    }
    url = embedded.url;
    log(`embedded PostgreSQL 18 on 127.0.0.1:${embedded.port} (started in ${(embedded.startMs / 1000).toFixed(1)} s, runs as ${embedded.user})`);
  }
}

function run(command: string, args: string[]): Promise<number> {
  // The project sends no telemetry: Next.js and turbo would otherwise announce theirs on a first run.
  const env = {
    ...process.env,
    TEST_DATABASE_URL: url,
    CHROMIUM_PATH: chromium.found ?? undefined,
    FORCE_COLOR: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
  };
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const passed = (flag: string) => process.argv.some((a) => a === flag || a.startsWith(`${flag}=`));

let code = 1;
try {
  const args = [
    "turbo",
    "run",
    "test",
    // One workspace at a time: each suite already keeps both cores busy (its test workers, the
    // Next.js servers, Chromium and PostgreSQL it drives); two side by side took longer in all
    // (decision 0098). `--concurrency=N` on the command line overrides it.
    ...(passed("--concurrency") ? [] : ["--concurrency=1"]),
    ...(passed("--output-logs") ? [] : ["--output-logs=errors-only"]),
    ...process.argv.slice(2),
  ];
  // The start scripts' own tests (ports and the variables linking the apps), a second at most.
  log("start scripts' tests (npx vitest run --root scripts)");
  code = await run("npx", ["vitest", "run", "--root", "scripts"]);
  if (code === 0) {
    log(`running workspace tests (${args.slice(1).join(" ")})`);
    code = await run("npx", args);
  }
  if (code === 0) {
    // The ingestion crash test (worker SIGKILLed while draining) runs after the unit and
    // integration suites, on its own, because it loads both cores for a few minutes.
    log("ingestion crash test (npm run test:ingestion:integration)");
    code = await run("npm", ["run", "test:ingestion:integration"]);
  }
} finally {
  await cleanup();
}
process.exit(code);
