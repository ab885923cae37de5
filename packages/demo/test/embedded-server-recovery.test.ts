// The embedded PostgreSQL of `npm start` survives being killed: seeded, then SIGKILLed (the
// command that owns it, and the server itself mid-write), it starts again and every row is there.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@real-estate/db";
import { isProcessAlive, startEmbeddedServer } from "@real-estate/db/embedded";
import { applyPendingMigrations, migrationTargetForUrl } from "@real-estate/db/migrate";
import { seedDemoData } from "../src";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "re-embedded-crash-"));
fs.chmodSync(dir, 0o755);
const children: ChildProcess[] = [];

/** Starts the server in a separate process (as `npm start` does) and returns its URL. */
async function holdServer(): Promise<{ url: string; owner: ChildProcess }> {
  const owner = spawn(process.execPath, ["--import", "tsx", path.join(here, "support", "hold-embedded-server.ts"), dir], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(owner);
  let stderr = "";
  owner.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: owner.stdout! }).once("line", resolve);
    owner.once("exit", (code) => reject(new Error(`server process exited (${code}): ${stderr}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, owner };
}

/** Every table of the public schema with its row count. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { t } of tables.rows) counts[t] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    return counts;
  } finally {
    await client.end();
  }
}

function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dir, "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  // Whatever is still running on the folder is stopped by one more start/stop.
  const s = await startEmbeddedServer({ dir }).catch(() => undefined);
  await s?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL after SIGKILL", () => {
  let before: Record<string, number> = {};

  it("migrates and seeds, then the owning command is SIGKILLed: the next start stops the server it left and finds every row", async () => {
    const { url, owner } = await holdServer();
    const target = migrationTargetForUrl(url);
    await applyPendingMigrations(target);
    await target.close();
    const db = createPrismaClient({ url, poolSize: 4 });
    await seedDemoData({ db, log: () => {} });
    await db.$disconnect();
    before = await rowCounts(url);
    expect(before.Listing).toBeGreaterThan(100);
    expect(before.Lead).toBeGreaterThan(10);

    const leftBehind = postmasterPid();
    owner.kill("SIGKILL");
    await killed(owner);
    expect(isProcessAlive(leftBehind)).toBe(true); // the server outlives its owner

    const again = await holdServer();
    expect(await rowCounts(again.url)).toEqual(before);
    expect(isProcessAlive(leftBehind)).toBe(false); // ...until the next start stops it (an unreaped zombie counts as stopped)
    again.owner.kill("SIGKILL");
    await killed(again.owner);
  }, 300_000);

  it("the server itself is SIGKILLed in the middle of writes: it recovers from its log and keeps every committed row", async () => {
    const running = readOwnUrl();
    const client = new pg.Client({ connectionString: running });
    client.on("error", () => {}); // the server is about to die under it
    await client.connect();
    await client.query(`CREATE TABLE crash_probe (id int PRIMARY KEY)`);
    let committed = 0;
    const writing = (async () => {
      for (let i = 1; i <= 100_000; i++) {
        await client.query(`INSERT INTO crash_probe VALUES ($1)`, [i]);
        committed = i;
      }
    })().catch(() => {});
    while (committed < 200) await new Promise((r) => setTimeout(r, 20));
    process.kill(postmasterPid(), "SIGKILL");
    await writing;
    await client.end().catch(() => {});

    const { url } = await holdServer();
    const after = await rowCounts(url);
    expect(after.crash_probe).toBeGreaterThanOrEqual(committed);
    delete after.crash_probe;
    expect(after).toEqual(before);
    expect(fs.readFileSync(path.join(dir, "server.log"), "utf8")).toMatch(/database system was interrupted|was not properly shut down/);
  }, 300_000);
});

/** The URL the last holder wrote (its process was SIGKILLed, its server still runs). */
function readOwnUrl(): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, "server.json"), "utf8")) as { url: string }).url;
}
