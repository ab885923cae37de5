// The demo data: two brokerages with hosts, website config, towns, listings, sign-ins and a
// sample CRM. Idempotent: every row is keyed on a natural key or a deterministic id, so running
// it again yields the same rows (and refreshes demo content to its seeded state).
import type { Db } from "@real-estate/db";
import { DEMO_TENANTS, type SeedTenant } from "../data";
import { generateDemoListings } from "./generate-listings";
import { formatDuration, progressBar, type SeedLog } from "./progress";
import { startOfUtcDay } from "./random";
import { seedDemoCrm, type CrmPeople, type SeededCrm } from "./seed-demo-crm";
import { seedDemoDeadLetters } from "./seed-demo-dead-letters";
import { upsertDemoAreas } from "./upsert-demo-areas";
import { upsertDemoTenant } from "./upsert-demo-tenant";
import { upsertDemoUsers, type SeededUser } from "./upsert-demo-users";
import { upsertListings } from "./upsert-listings";

export type SeedDemoDataOptions = {
  db: Db;
  /** Progress lines (default: console.log with a "seed:" prefix). */
  log?: SeedLog;
  /** "Now" for relative dates (default: the current time; dates are anchored to the start of its UTC day). */
  now?: Date;
};

export type SeedDemoDataResult = {
  tenants: { slug: string; tenantId: string }[];
  counts: {
    hosts: number;
    modules: number;
    towns: number;
    neighborhoods: number;
    listings: number;
    users: number;
    memberships: number;
    deadLetters: number;
  } & SeededCrm;
  durationMs: number;
};

function crmPeopleFor(tenant: SeedTenant, users: SeededUser[]): CrmPeople {
  const find = (role: "OWNER" | "AGENT") => {
    const u = users.find((x) => x.tenantSlug === tenant.slug && x.role === role);
    if (!u?.membershipId) throw new Error(`seed: no demo ${role.toLowerCase()} for ${tenant.slug}`);
    return { membershipId: u.membershipId, userId: u.userId };
  };
  return { agent: find("AGENT"), owner: find("OWNER") };
}

export async function seedDemoData(options: SeedDemoDataOptions): Promise<SeedDemoDataResult> {
  const { db } = options;
  const write = options.log ?? ((line: string) => console.log(`seed: ${line}`));
  const started = performance.now();
  let phaseStarted = started;
  const log = (line: string) => {
    const now = performance.now();
    write(`${line} (${formatDuration(now - phaseStarted)})`);
    phaseStarted = now;
  };
  const anchor = startOfUtcDay(options.now ?? new Date());
  const counts = {
    hosts: 0,
    modules: 0,
    towns: 0,
    neighborhoods: 0,
    listings: 0,
    users: 0,
    memberships: 0,
    contacts: 0,
    leads: 0,
    activities: 0,
    deadLetters: 0,
  };

  const tenants = [];
  for (const tenant of DEMO_TENANTS) tenants.push({ ...(await upsertDemoTenant(db, tenant)), tenant });
  for (const t of tenants) {
    counts.hosts += t.hostCount;
    counts.modules += t.moduleCount;
  }
  log(`tenants     ${tenants.map((t) => t.slug).join(", ")} (${counts.hosts} host names, ${counts.modules} page modules)`);

  // Password hashing (scrypt, on libuv's thread pool) overlaps with the areas and listings.
  const pendingUsers = upsertDemoUsers(db, Object.fromEntries(tenants.map((t) => [t.slug, t.tenantId])));
  pendingUsers.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled meanwhile
  for (const t of tenants) {
    const areas = await upsertDemoAreas(db, { tenantId: t.tenantId, tenant: t.tenant });
    counts.towns += areas.towns;
    counts.neighborhoods += areas.neighborhoods;
  }
  log(`areas       ${counts.towns} towns, ${counts.neighborhoods} neighbourhoods (sample content)`);

  const totalListings = tenants.reduce((sum, t) => sum + t.tenant.listing.count, 0);
  for (const t of tenants) {
    counts.listings += await upsertListings(db, { tenantId: t.tenantId, listings: generateDemoListings(t.tenant, anchor) });
    log(`listings    ${progressBar(counts.listings, totalListings)} ${t.slug}`);
  }

  const users = await pendingUsers;
  counts.users = users.length;
  counts.memberships = users.filter((u) => u.membershipId).length;
  log(`accounts    ${counts.users} users, ${counts.memberships} tenant memberships (passwords: see DEMO_ACCOUNTS)`);

  for (const t of tenants) {
    const crm = await seedDemoCrm(db, { tenantId: t.tenantId, tenant: t.tenant, anchor, people: crmPeopleFor(t.tenant, users) });
    counts.contacts += crm.contacts;
    counts.leads += crm.leads;
    counts.activities += crm.activities;
  }
  log(`crm         ${counts.contacts} contacts, ${counts.leads} leads, ${counts.activities} activities`);

  for (const [i, t] of tenants.entries()) {
    counts.deadLetters += await seedDemoDeadLetters(db, { tenantId: t.tenantId, tenant: t.tenant, anchor, first: i === 0 });
  }
  log(`queue       ${counts.deadLetters} dead letters (sample website events that failed; re-drive them in the studio)`);

  const durationMs = performance.now() - started;
  write(`done in ${formatDuration(durationMs)}`);
  return { tenants: tenants.map((t) => ({ slug: t.slug, tenantId: t.tenantId })), counts, durationMs };
}
