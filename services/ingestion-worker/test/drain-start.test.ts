// The long-running drain at start: a database that drops its connections (restarting, or a
// fault mid-check) is checked again for INGESTION_DB_WAIT_MS instead of ending the process;
// with 0 it fails at once with one clear line. The database sits behind a local TCP relay that
// resets every connection until it is told to pass them through.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";

const testDb = useTestDatabase("workerstart");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Relay = { url: string; passThrough: () => void; close: () => Promise<void> };

async function startRelay(databaseUrl: string): Promise<Relay> {
  const target = new URL(databaseUrl);
  let open = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (!open) return void client.resetAndDestroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const relayed = new URL(databaseUrl);
  relayed.hostname = "127.0.0.1";
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    passThrough: () => (open = true),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

type Drain = { output: () => string; exited: Promise<number | null>; stop: () => void };

function startDrain(databaseUrl: string, waitMs: number): Drain {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/bin/drain.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, METRICS_PORT: "off", INGESTION_DB_WAIT_MS: String(waitMs) },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { output: () => output, exited, stop: () => void child.kill("SIGTERM") };
}

async function until(condition: () => boolean, what: string, timeoutMs = 100_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Each start loads tsx and the Prisma client: allow for a busy machine.
describe("drain start-up against a database that drops connections", { timeout: 240_000 }, () => {
  it("keeps checking, says so once, and drains when the database answers", async () => {
    const relay = await startRelay(testDb().url);
    cleanups.push(relay.close);
    const drain = startDrain(relay.url, 60_000);
    cleanups.push(async () => (drain.stop(), await drain.exited));
    await until(() => drain.output().includes("checking again for up to 60 s"), "the wait notice");
    expect(drain.output()).not.toContain('"msg":"draining"');
    relay.passThrough();
    await until(() => drain.output().includes('"msg":"draining"'), "the drain to start");
    expect(drain.output().match(/checking again/g)).toHaveLength(1);
    drain.stop();
    expect(await drain.exited).toBe(0);
  });

  it("with INGESTION_DB_WAIT_MS=0, exits at the first failure with one clear line", async () => {
    const relay = await startRelay(testDb().url);
    cleanups.push(relay.close);
    const drain = startDrain(relay.url, 0);
    expect(await drain.exited).toBe(1);
    const lines = drain.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^worker:ingestion:drain: /);
    expect(drain.output()).not.toContain("checking again");
  });
});
