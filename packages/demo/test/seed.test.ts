import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { LEAD_SOURCES, LEAD_STATUSES, normalizePhoneE164, parsePhone, WEBSITE_MODULE_KEYS, ZAreaContent, ZWebsiteEvent } from "@real-estate/types";
import { DEMO_ACCOUNTS, isDemoDataSeeded, seedDemoData, type SeedDemoDataResult } from "../src";
import { testAdminUrl, useTestDatabase, withDatabase } from "@real-estate/db/testing";
import { invalidateTenantCache, resolveTenantByHost } from "@real-estate/sites";
import { listPageModules } from "@real-estate/sites";

const testDb = useTestDatabase("seed");
const NOW = new Date("2026-11-27T15:30:00Z");
const TABLES = [
  "Tenant",
  "TenantDomain",
  "WebsiteConfig",
  "ModuleConfig",
  "Town",
  "Neighborhood",
  "Listing",
  "user",
  "account",
  "TenantMembership",
  "Contact",
  "Lead",
  "Activity",
  "IngestionJob",
];

async function rowCounts(): Promise<Record<string, number>> {
  const { db } = testDb();
  const sql = TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** A fingerprint of every seeded listing's content (everything but createdAt). */
async function listingFingerprint(): Promise<string> {
  const { db } = testDb();
  const [row] = await db.$queryRawUnsafe<{ f: string }[]>(
    `SELECT md5(string_agg(to_jsonb(l) - 'createdAt' #>> '{}', '|' ORDER BY "tenantId", "ListingKey")) AS f FROM "Listing" l`,
  );
  return row!.f;
}

const tenantIds: Record<string, string> = {};
let first: SeedDemoDataResult;
let countsAfterFirst: Record<string, number>;
let fingerprintAfterFirst: string;
const lines: string[] = [];

beforeAll(async () => {
  const { db } = testDb();
  expect(await isDemoDataSeeded(db)).toBe(false);
  first = await seedDemoData({ db, now: NOW, log: (l) => lines.push(l) });
  countsAfterFirst = await rowCounts();
  fingerprintAfterFirst = await listingFingerprint();
  for (const t of first.tenants) tenantIds[t.slug] = t.tenantId;
  console.log(`seed: first run ${Math.round(first.durationMs)} ms; rows ${JSON.stringify(countsAfterFirst)}`);
}, 120_000);

describe("seedDemoData", () => {
  it("is idempotent: a second run leaves every table with the same rows", async () => {
    const { db } = testDb();
    expect(lines.some((l) => /^listings\s+\[#+\]\s+464\/464/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^done in /);
    const second = await seedDemoData({ db, now: NOW, log: () => {} });
    console.log(`seed: second run ${Math.round(second.durationMs)} ms`);
    expect(await rowCounts()).toEqual(countsAfterFirst);
    expect(await listingFingerprint()).toBe(fingerprintAfterFirst);
    expect(second.tenants).toEqual(first.tenants);
    expect(countsAfterFirst).toMatchObject({ Tenant: 2, TenantDomain: 6, WebsiteConfig: 2, user: 5, account: 5, TenantMembership: 4, Contact: 50 });
    expect(countsAfterFirst.ModuleConfig).toBe(2 * 2 * WEBSITE_MODULE_KEYS.length);
    expect(await isDemoDataSeeded(db)).toBe(true);
  });

  it("leaves a few dead letters with real event payloads, grouped by error, that a re-run keeps as the operator left them", async () => {
    const { db } = testDb();
    const dead = await db.ingestionJob.findMany({
      where: { status: "DEAD_LETTERED" },
      select: {
        tenantId: true,
        eventId: true,
        eventType: true,
        payload: true,
        lastError: true,
        lastErrorClass: true,
        attempts: true,
        maxAttempts: true,
        deadLetteredAt: true,
      },
      orderBy: { eventId: "asc" },
    });
    expect(first.counts.deadLetters).toBe(dead.length);
    expect(dead.filter((d) => d.tenantId === tenantIds.fairfield)).toHaveLength(5);
    expect(dead.filter((d) => d.tenantId === tenantIds.shoreline)).toHaveLength(1);
    const groups = new Map<string, number>();
    for (const d of dead) groups.set(`${d.lastErrorClass}: ${d.lastError}`, (groups.get(`${d.lastErrorClass}: ${d.lastError}`) ?? 0) + 1);
    expect([...groups.values()].sort()).toEqual([1, 1, 4]);
    for (const d of dead) {
      // Each is the event as the website queued it: the worker can process it when re-driven.
      const event = ZWebsiteEvent.parse(d.payload);
      expect([event.eventId, event.tenantId, event.type]).toEqual([d.eventId, d.tenantId, d.eventType]);
      expect(d.deadLetteredAt!.getTime()).toBeLessThan(NOW.getTime());
      expect(d.attempts).toBeLessThanOrEqual(d.maxAttempts);
    }
    // The permanent one fails again when re-driven: its only way to reach the person is no phone number.
    const badPhone = ZWebsiteEvent.parse(dead.find((d) => d.lastError?.includes("no valid phone"))!.payload);
    const contact = (badPhone.payload as { contact: { email?: string; phone?: string } }).contact;
    expect(contact.email).toBeUndefined();
    expect(parsePhone(contact.phone!, { defaultCountry: "US" }).ok).toBe(false);

    // An operator re-drove one and it completed: seeding again does not make it dead again.
    const redriven = dead[0]!;
    await db.ingestionJob.updateMany({ where: { eventId: redriven.eventId }, data: { status: "COMPLETED", completedAt: new Date() } });
    await seedDemoData({ db, now: NOW, log: () => {} });
    expect(await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } })).toBe(dead.length - 1);
    expect(await db.ingestionJob.count({ where: { eventId: { startsWith: "demo-dead-letter-" } } })).toBe(dead.length);
  });

  it("serves both tenants on their own hosts", async () => {
    invalidateTenantCache();
    const expectations = [
      ["fairfield.localhost", "WEB", "fairfield"],
      ["localhost", "WEB", "fairfield"],
      ["crm.fairfield.localhost", "CRM", "fairfield"],
      ["crm.localhost", "CRM", "fairfield"],
      ["shoreline.localhost", "WEB", "shoreline"],
      ["crm.shoreline.localhost", "CRM", "shoreline"],
    ] as const;
    for (const [host, kind, slug] of expectations) expect((await resolveTenantByHost({ host, kind }))?.tenantId, host).toBe(tenantIds[slug]);
    expect((await resolveTenantByHost({ host: "fairfield.localhost:3000", kind: "WEB" }))?.name).toMatch(/sample brokerage/);
    expect(await resolveTenantByHost({ host: "shoreline.localhost", kind: "CRM" })).toBeNull();
    const { db } = testDb();
    const brands = await db.tenant.findMany({ where: { slug: { in: ["fairfield", "shoreline"] } }, select: { primaryColor: true } });
    expect(new Set(brands.map((b) => b.primaryColor)).size).toBe(2);
  });

  it("gives the tenants different module toggles and order, covering every module", async () => {
    const ff = await listPageModules({ tenantId: tenantIds.fairfield!, pageKind: "TOWN" });
    const sh = await listPageModules({ tenantId: tenantIds.shoreline!, pageKind: "TOWN" });
    expect(ff.map((m) => m.moduleKey)).toEqual(expect.arrayContaining(["schools", "walk-score"]));
    expect(sh.map((m) => m.moduleKey)).not.toContain("schools");
    expect(sh.map((m) => m.moduleKey)).not.toContain("walk-score");
    expect(sh[0]?.moduleKey).toBe("taxes");
    expect(ff.map((m) => m.moduleKey)).not.toEqual(sh.map((m) => m.moduleKey));
    for (const tenantId of Object.values(tenantIds)) {
      for (const pageKind of ["TOWN", "NEIGHBORHOOD"] as const) {
        const all = await listPageModules({ tenantId, pageKind, includeDisabled: true });
        expect(all.map((m) => m.moduleKey).sort()).toEqual([...WEBSITE_MODULE_KEYS].sort());
      }
    }
  });

  it("labels town and neighbourhood content as sample data, and it all validates", async () => {
    const { db } = testDb();
    for (const [slug, minTowns] of [
      ["fairfield", 6],
      ["shoreline", 4],
    ] as const) {
      const towns = await db.town.findMany({ where: { tenantId: tenantIds[slug] }, include: { neighborhoods: true } });
      expect(towns.length).toBeGreaterThanOrEqual(minTowns);
      for (const area of [...towns, ...towns.flatMap((t) => t.neighborhoods)]) {
        const content = ZAreaContent.parse(area.content);
        expect(area.isSample).toBe(true);
        expect(area.summary.startsWith("Sample content.")).toBe(true);
        expect(content.taxes?.isSample && content.schools?.isSample && content.walkScore?.isSample && content.nearbyPlaces?.isSample).toBe(true);
        expect(content.taxes?.note).toMatch(/sample value/i);
        for (const school of content.schools?.schools ?? []) expect(school.name).toMatch(/Sample/);
      }
      for (const town of towns) expect(town.neighborhoods.length).toBeGreaterThanOrEqual(2);
    }
    expect((await db.town.findMany({ where: { tenantId: tenantIds.fairfield } })).map((t) => t.name)).toEqual(
      expect.arrayContaining(["Fairfield", "Westport", "Greenwich", "Stamford", "Norwalk", "Darien"]),
    );
  });

  it("writes at least 200 RESO-shaped sample listings per tenant, each tenant's own, with local photos", async () => {
    const { db } = testDb();
    for (const [slug, prefix] of [
      ["fairfield", "FF-"],
      ["shoreline", "SH-"],
    ] as const) {
      const tenantId = tenantIds[slug]!;
      const listings = await db.listing.findMany({ where: { tenantId } });
      expect(listings.length).toBeGreaterThanOrEqual(200);
      const towns = new Set((await db.town.findMany({ where: { tenantId }, select: { slug: true } })).map((t) => t.slug));
      const statuses = new Set(listings.map((l) => l.StandardStatus));
      for (const s of ["Active", "Pending", "ActiveUnderContract", "Closed", "ComingSoon"]) expect(statuses).toContain(s);
      expect(listings.filter((l) => l.StandardStatus === "Active").length).toBeGreaterThan(listings.length / 2);
      for (const t of ["Residential", "ResidentialIncome", "Land"]) expect(listings.some((l) => l.PropertyType === t)).toBe(true);
      for (const t of ["SingleFamilyResidence", "Condominium", "Townhouse"]) expect(listings.some((l) => l.PropertySubType === t)).toBe(true);
      const ninetyDaysAgo = NOW.getTime() - 91 * 86_400_000;
      for (const l of listings) {
        expect(l.ListingKey.startsWith(prefix)).toBe(true);
        expect(towns.has(l.townSlug!)).toBe(true);
        expect(l.PublicRemarks).toContain("Sample listing for demonstration");
        expect(l.ModificationTimestamp.getTime()).toBeGreaterThan(ninetyDaysAgo);
        expect(l.ModificationTimestamp.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(l.ListPrice).toBeGreaterThan(100_000);
        const media = l.Media as { url: string; caption: string }[];
        expect(media.length).toBeGreaterThanOrEqual(3);
        expect(media.length).toBeLessThanOrEqual(5);
        media.forEach((m, i) => {
          expect(m.url).toBe(`/media/listings/${l.ListingKey}/${i + 1}.svg`);
          expect(m.caption).toMatch(/sample photo/);
        });
      }
    }
    // No listing of one tenant carries the other's key range.
    const crossed = await db.listing.count({
      where: {
        OR: [
          { tenantId: tenantIds.fairfield, ListingKey: { startsWith: "SH-" } },
          { tenantId: tenantIds.shoreline, ListingKey: { startsWith: "FF-" } },
        ],
      },
    });
    expect(crossed).toBe(0);
  });

  it("creates the documented demo sign-ins with better-auth credential hashes", async () => {
    const { db } = testDb();
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { accounts: true, memberships: true } });
      expect(user.platformRole).toBe(account.platformRole);
      expect(user.accounts).toHaveLength(1);
      const credential = user.accounts[0]!;
      expect(credential).toMatchObject({ providerId: "credential", accountId: user.id });
      expect(await verifyPassword({ hash: credential.password!, password: account.password })).toBe(true);
      if (account.platformRole) expect(await verifyPassword({ hash: credential.password!, password: `${account.password}x` })).toBe(false);
      if (account.tenantSlug) expect(user.memberships.map((m) => [m.tenantId, m.role])).toEqual([[tenantIds[account.tenantSlug], account.role]]);
      else expect(user.memberships).toEqual([]);
    }
  });

  it("fills each tenant's CRM with sample contacts, leads in every status and a recent timeline", async () => {
    const { db } = testDb();
    for (const tenantId of Object.values(tenantIds)) {
      const contacts = await db.contact.findMany({ where: { tenantId } });
      expect(contacts).toHaveLength(25);
      for (const c of contacts) {
        expect(c.email).toMatch(/@example\.com$/);
        expect(normalizePhoneE164(c.phone)).toBe(c.phone);
        expect(c.phone).toMatch(/^\+1\d{3}5550\d{3}$/);
      }
      const leads = await db.lead.findMany({ where: { tenantId }, include: { assignedTo: true } });
      expect(new Set(leads.map((l) => l.status))).toEqual(new Set(LEAD_STATUSES));
      expect(new Set(leads.map((l) => l.source))).toEqual(new Set(LEAD_SOURCES));
      expect(leads.some((l) => l.assignedTo?.role === "AGENT")).toBe(true);
      const activities = await db.activity.findMany({ where: { tenantId } });
      for (const type of ["WEBSITE_EVENT", "NOTE", "CALL", "STATUS_CHANGE"]) expect(activities.some((a) => a.type === type)).toBe(true);
      for (const a of activities) {
        expect(a.occurredAt.getTime()).toBeGreaterThan(NOW.getTime() - 31 * 86_400_000);
        expect(a.occurredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
  });
});

describe("db:seed script", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const run = promisify(execFile);
  const tsx = path.resolve(root, "../../node_modules/.bin/tsx");

  it("refuses an unmigrated database with one clear line and exit code 1", async () => {
    const name = `re_test_seedempty_${process.pid}`;
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const result = await run(tsx, ["scripts/seed.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: withDatabase(testAdminUrl(), name) } }).catch(
        (e) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual(["db:seed: database is not migrated: run `npm run db:migrate:deploy`"]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  it("seeds an already seeded database again and prints progress and the sign-ins", async () => {
    const before = await rowCounts();
    const { stdout } = await run(tsx, ["scripts/seed.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: testDb().url } });
    expect(stdout).toMatch(/listings\s+\[#+\] 464\/464/);
    expect(stdout).toMatch(/done in [\d.]+ m?s/);
    expect(stdout).toContain("operator@platform.example");
    expect(await rowCounts()).toEqual(before);
  }, 120_000);
});
