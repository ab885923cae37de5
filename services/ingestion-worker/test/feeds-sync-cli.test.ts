// `npm run feeds:sync -- --tenant SLUG [--full] [--feed NAME]` against the local RESO server: it
// loads a tenant's feed and prints its progress page by page, touches only that tenant, refuses
// bad arguments with the usage and exit code 2, and exits 1 naming the feed that failed.
import crypto from "node:crypto";
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { startResoServer, type ResoServer } from "@real-estate/demo/reso-server";
import { createFeed, type FeedInput } from "@real-estate/feeds";

const testDb = useTestDatabase("workerfeedscli");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLIENT = { clientId: "cli-client", clientSecret: "cli-Secret-Value-4e1d9a" };
// This run's key for sealing feed secrets, shared with the command it starts.
const KEY = crypto.randomBytes(32).toString("base64");
const LISTINGS = 60;
let server: ResoServer;

type Run = { code: number; stdout: string; stderr: string };

/** Runs `feeds:sync` the way npm does (node + tsx), against the test database. */
async function feedsSync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(root, "src/bin/feeds-sync.ts"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDb().url, FEED_CREDENTIALS_KEY: KEY, METRICS_PORT: "off", ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function feedFor(tenantId: string, name: string, over: Partial<FeedInput> = {}, allowedHosts?: string[]) {
  return createFeed({
    tenantId,
    db: testDb().db,
    destinations: allowedHosts ? { allowedHosts } : undefined,
    input: {
      name,
      baseUrl: server.serviceRoot,
      authKind: "client_credentials",
      tokenUrl: server.tokenUrl,
      clientId: CLIENT.clientId,
      secret: CLIENT.clientSecret,
      pageSize: 25,
      ...over,
    } as FeedInput,
  });
}

beforeAll(async () => {
  process.env.FEED_CREDENTIALS_KEY = KEY;
  // A port of this suite's range when free, else any free one.
  server = await startResoServer({ tenant: SHORELINE_TENANT, count: LISTINGS, clients: [CLIENT], port: 4540 }).catch(() =>
    startResoServer({ tenant: SHORELINE_TENANT, count: LISTINGS, clients: [CLIENT] }),
  );
  // Feeds reach this machine only where an operator allowed it: exactly the local RESO server.
  process.env.FEED_ALLOWED_HOSTS = new URL(server.serviceRoot).host;
});
afterAll(async () => {
  await server?.close();
});

// Each start loads tsx and the Prisma client: allow for a busy machine.
describe("feeds:sync", { timeout: 240_000 }, () => {
  it("refuses bad arguments with the usage and exit code 2, before touching the database", async () => {
    const cases: [string[], RegExp][] = [
      [[], /--tenant is required/],
      [["--tenant"], /Option '--tenant <value>' argument missing/],
      [["--tenant", "x", "--bogus"], /Unknown option '--bogus'/],
      [["--tenant", "x", "extra"], /Unexpected argument 'extra'/],
    ];
    const results = await Promise.all(cases.map(([args]) => feedsSync(args, { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" })));
    results.forEach((r, i) => {
      const label = cases[i]![0].join(" ") || "(none)";
      expect(r.code, label).toBe(2);
      expect(r.stderr, label).toMatch(cases[i]![1]);
      expect(r.stderr, label).toContain("usage: npm run feeds:sync -- --tenant SLUG");
      expect(r.stdout, label).toBe("");
    });
  });

  it("says so when the tenant does not exist (exit 2) or has no such feed (exit 0, nothing done)", async () => {
    const missing = await feedsSync(["--tenant", "no-such-brokerage"]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain('feeds:sync: no tenant with slug "no-such-brokerage"');
    const t = await createTenantFixture(testDb().db);
    const none = await feedsSync(["--tenant", t.slug]);
    expect([none.code, none.stdout.trim()]).toEqual([0, `feeds:sync: Tenant ${t.slug} has no feeds`]);
    await feedFor(t.tenantId, "Coast MLS");
    const other = await feedsSync(["--tenant", t.slug, "--feed", "Inland MLS"]);
    expect([other.code, other.stdout.trim()]).toEqual([0, `feeds:sync: Tenant ${t.slug} has no feed named "Inland MLS"`]);
    expect(await testDb().db.listing.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("loads one tenant's feed with progress per page, then finds nothing new; another tenant's data is untouched", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    const feedA = await feedFor(a.tenantId, "Coast MLS");
    await feedFor(b.tenantId, "Coast MLS");

    const first = await feedsSync(["--tenant", a.slug]);
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toBe("feeds:sync: Coast MLS (incremental)...");
    const pages = lines.filter((l) => /^ {2}page \d+: \d+ listings written, up to \d{4}-\d\d-\d\dT/.test(l));
    // 60 listings in pages of 25: at least three pages, numbered in order, adding up to the whole feed.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((l) => Number(/page (\d+)/.exec(l)![1]))).toEqual(pages.map((_, i) => i + 1));
    expect(lines.at(-1)).toMatch(new RegExp(`^feeds:sync: Coast MLS: succeeded in \\d+\\.\\d s, ${LISTINGS} written, 0 removed$`));
    expect(await db.listing.count({ where: { tenantId: a.tenantId, feedId: feedA.id } })).toBe(LISTINGS);
    expect((await db.listing.findMany({ where: { tenantId: a.tenantId }, select: { ListingKey: true } })).map((l) => l.ListingKey).sort()).toEqual(
      server.store.keys().sort(),
    );
    // The other tenant's feed was not run.
    expect(await db.listing.count({ where: { tenantId: b.tenantId } })).toBe(0);
    expect(await db.feedRun.count({ where: { tenantId: b.tenantId } })).toBe(0);
    // The secret never reaches the output.
    expect(first.stdout + first.stderr).not.toContain(CLIENT.clientSecret);

    const again = await feedsSync(["--tenant", a.slug, "--feed", "Coast MLS"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim().split("\n").at(-1)).toMatch(/^feeds:sync: Coast MLS: succeeded in \d+\.\d s, 0 written, 0 removed$/);
  });

  it("--full reloads and reconciles: a listing the feed no longer has is removed", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    await feedFor(t.tenantId, "Coast MLS");
    expect((await feedsSync(["--tenant", t.slug])).code).toBe(0);
    const gone = server.store.keys()[0]!;
    server.store.remove([gone]);
    const full = await feedsSync(["--tenant", t.slug, "--full"]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain("feeds:sync: Coast MLS (full)...");
    expect(full.stdout.trim().split("\n").at(-1)).toMatch(new RegExp(`^feeds:sync: Coast MLS: succeeded in \\d+\\.\\d s, ${LISTINGS - 1} written, 1 removed$`));
    expect(await db.listing.count({ where: { tenantId: t.tenantId, ListingKey: gone } })).toBe(0);
    expect(await db.listing.count({ where: { tenantId: t.tenantId } })).toBe(LISTINGS - 1);
  });

  it("exits 1 naming the feed and its error when the MLS cannot be reached, and still runs the tenant's other feeds", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db);
    // Nothing listens on port 1 of this machine (allowed here, so the call is tried and fails).
    const allowed = [new URL(server.serviceRoot).host, "127.0.0.1:1"];
    await feedFor(t.tenantId, "Broken MLS", { baseUrl: "http://127.0.0.1:1/odata", tokenUrl: "http://127.0.0.1:1/token" }, allowed);
    await feedFor(t.tenantId, "Coast MLS");
    const r = await feedsSync(["--tenant", t.slug], { FEED_ALLOWED_HOSTS: allowed.join(",") });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^feeds:sync: Broken MLS: failed in \d+\.\d s, 0 written, 0 removed: .+$/m);
    expect(r.stdout).toMatch(/^feeds:sync: Coast MLS: succeeded in /m);
    expect(await db.listing.count({ where: { tenantId: t.tenantId } })).toBeGreaterThan(0);
  });
});
