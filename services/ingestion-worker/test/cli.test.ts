import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { PermanentIngestionError } from "@real-estate/queue";
import { enqueue, testWorker } from "./helpers";

const testDb = useTestDatabase("workercli");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Run = { code: number; stdout: string; stderr: string };

/** Runs a binary of this package the way npm does (node + tsx), against the test database. */
async function bin(name: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const file = path.join(root, "src/bin", `${name}.ts`);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDb().url, METRICS_PORT: "off", ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function deadLetters() {
  const { db } = testDb();
  const t = await createTenantFixture(db);
  await enqueue(db, t.tenantId, { email: "c1@example.com" }, { message: "x" });
  await enqueue(db, t.tenantId, { email: "c2@example.com" }, { message: "x" });
  const { worker } = testWorker(db, { handlers: { "*": async () => Promise.reject(new PermanentIngestionError("CRM rejected the lead")) } });
  expect((await worker.drainOnce()).deadLettered).toBe(2);
  return t;
}

// Each binary start loads tsx and the Prisma client: allow for a busy machine.
describe("command-line tools", { timeout: 240_000 }, () => {
  it("refuse to start the worker on a broken DKIM configuration, with exit code 2, before touching the database", async () => {
    const none = { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" };
    const half = await bin("drain-once", [], { ...none, MAIL_DKIM_SELECTOR: "mail2026" });
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/DKIM needs both MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY/);
    const notAKey = await bin("drain", [], { ...none, MAIL_DKIM_SELECTOR: "mail2026", MAIL_DKIM_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\nnope" });
    expect(notAKey.code).toBe(2);
    expect(notAKey.stderr).toMatch(/MAIL_DKIM_PRIVATE_KEY is not a PEM private key/);
  });

  it("reject bad arguments with the usage and exit code 2, before touching the database", async () => {
    const cases: [string, string[], RegExp][] = [
      ["dead-letter-list", ["--limit", "abc"], /--limit must be an integer/],
      ["dead-letter-list", ["--bogus"], /Unknown option '--bogus'/],
      ["dead-letter-list", ["--since", "yesterday"], /--since must be an ISO date/],
      ["dead-letter-requeue", [], /say which dead letters/],
      ["dead-letter-requeue", ["--all", "--id", "1"], /either --id or --all/],
      ["dead-letter-requeue", ["--id", "abc"], /--id must be a job id/],
      ["dead-letter-requeue", ["--all", "--rate", "fast"], /--rate must be a positive number/],
    ];
    const results = await Promise.all(cases.map(([name, args]) => bin(name, args, { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" })));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(" ")).toBe(2);
      expect(r.stderr).toMatch(cases[i]![2]);
      expect(r.stderr).toContain("usage: npm run worker:ingestion:dead-letter:");
    });
  });

  it("fail fast with one clear line when the database is unreachable", async () => {
    const r = await bin("drain-once", [], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^worker:ingestion:drain-once: database unreachable/);
  });

  it("list dead letters as a table and as JSON, and re-drive them by filter and by id", async () => {
    const t = await deadLetters();
    const table = await bin("dead-letter-list", ["--tenant", t.slug]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/JOB\s+TENANT\s+TYPE\s+ATTEMPTS\s+DEAD-LETTERED AT\s+CLASS\s+LAST ERROR/);
    expect(table.stdout).toContain("2 of 2 dead letters shown");
    expect(table.stdout).toMatch(/2\s+permanent\s+CRM rejected the lead/);

    const json = await bin("dead-letter-list", ["--tenant", t.slug, "--error", "rejected", "--json", "--limit", "1"]);
    const parsed = JSON.parse(json.stdout) as {
      total: number;
      items: { jobId: string; tenantSlug: string }[];
      nextCursor: string | null;
      countsByError: unknown[];
    };
    expect(parsed.total).toBe(2);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.tenantSlug).toBe(t.slug);
    expect(parsed.nextCursor).not.toBeNull();
    expect(parsed.countsByError).toEqual([{ error: "CRM rejected the lead", errorClass: "permanent", count: 2 }]);

    const unknown = await bin("dead-letter-list", ["--tenant", "no-such-tenant"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown tenant "no-such-tenant"/);

    const dry = await bin("dead-letter-requeue", ["--all", "--tenant", t.slug, "--dry-run", "--actor", "cli-test"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: 2 dead letters would be requeued/);
    expect(await testDb().db.ingestionJob.count({ where: { tenantId: t.tenantId, status: "DEAD_LETTERED" } })).toBe(2);

    const one = await bin("dead-letter-requeue", ["--id", parsed.items[0]!.jobId, "--actor", "cli-test"]);
    expect(one.stdout).toMatch(/^requeued 1 of 1 matched dead letters/);
    const rest = await bin("dead-letter-requeue", ["--all", "--tenant", t.slug, "--error", "rejected", "--rate", "100/s", "--actor", "cli-test"]);
    expect(rest.stdout).toMatch(/^requeued 1 of 1 matched dead letters/);
    const audits = await testDb().db.redriveAudit.findMany({ where: { actor: "cli-test" }, orderBy: { startedAt: "asc" } });
    expect(audits.map((a) => [a.origin, a.dryRun, a.requeued, a.outcome])).toEqual([
      ["cli", true, 0, "completed"],
      ["cli", false, 1, "completed"],
      ["cli", false, 1, "completed"],
    ]);

    const drained = await bin("drain-once", []);
    expect(drained.code).toBe(0);
    expect(drained.stdout.trim()).toBe("processed=2 retried=0 dead-lettered=0");
    expect(await testDb().db.activity.count({ where: { tenantId: t.tenantId } })).toBe(2);
  });
});
