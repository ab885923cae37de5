// Sign-in attacked as an outsider would (issue 11, classes 1 and 3):
// - password guessing with a new X-Forwarded-For per attempt on every sign-in endpoint (CRM,
//   studio, website visitors): refused after the per-account limit, even the right password;
// - staff sign-up through the CRM's and the studio's auth endpoints: refused, no account made;
// - account discovery: unknown email, wrong password and non-operator answer alike, in similar time.
// The published secrets (class 5) are published-secrets.test.ts's.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_PASSWORD, startOutsiderWorld, type OutsiderWorld } from "../src/world/outsider-probes";

let world: OutsiderWorld;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

beforeAll(async () => {
  world = await startOutsiderWorld({ database: "signin", label: "signin", apps: ["crm", "studio", "web"] });
});
afterAll(async () => {
  await world?.stop("sign-in guessing, staff sign-up, enumeration");
});

describe("password guessing with a new X-Forwarded-For per attempt", () => {
  it("refuses every attempt past the per-account limit on the CRM, studio and website sign-in endpoints, the right password included", async () => {
    const member = await world.staff("guessed.member@alpha.test");
    const operator = await world.staff("guessed.operator@platform.test", "operator");
    const paths = [
      {
        name: "crm /api/auth/sign-in/email",
        origin: world.servers.origins.crm!,
        host: world.tenant.crmHost,
        path: "/api/auth/sign-in/email",
        email: member.email,
        right: STAFF_PASSWORD,
      },
      {
        name: "studio /api/auth/sign-in/email",
        origin: world.servers.origins.studio!,
        host: undefined,
        path: "/api/auth/sign-in/email",
        email: operator.email,
        right: STAFF_PASSWORD,
      },
      {
        name: "web /api/auth/sign-in",
        origin: world.servers.origins.web!,
        host: world.tenant.webHost,
        path: "/api/auth/sign-in",
        email: world.tenant.visitor.email,
        right: world.tenant.visitor.password,
      },
    ];
    const ATTEMPTS = 30;
    for (const p of paths) {
      const statuses: number[] = [];
      for (let i = 0; i < ATTEMPTS; i++)
        statuses.push((await world.send(p.origin, "POST", p.path, { host: p.host, json: { email: p.email, password: `guess-number-${i}-x` } })).status);
      const right = await world.send(p.origin, "POST", p.path, { host: p.host, json: { email: p.email, password: p.right } });
      const refused = statuses.filter((s) => s === 429).length;
      world.notes.push(`${p.name}: ${ATTEMPTS} guesses, ${refused} refused (429), right password afterwards ${right.status}`);
      expect(world.expectOr(statuses.slice(0, 5).every((s) => s === 401))).toBe(true);
      expect(world.expectOr(refused === ATTEMPTS - 5)).toBe(true);
      expect(world.expectOr(right.status === 429 && Number(right.headers["retry-after"]) > 0)).toBe(true);
    }
  });
});

describe("staff accounts only by invitation", () => {
  it("refuses sign-up through the CRM's and the studio's auth endpoints, with any password", async () => {
    const tries = [
      { origin: world.servers.origins.crm!, host: world.tenant.crmHost },
      { origin: world.servers.origins.studio!, host: undefined },
    ];
    const statuses: number[] = [];
    for (const t of tries) {
      for (const password of ["12345678", "a-long-and-unusual-password-9"]) {
        const email = `walk-in.${crypto.randomBytes(3).toString("hex")}@outside.test`;
        const res = await world.send(t.origin, "POST", "/api/auth/sign-up/email", { host: t.host, json: { name: "Walk In", email, password } });
        statuses.push(res.status);
        expect(world.expectOr(res.status >= 400 && res.status < 500 && !res.headers["set-cookie"]?.some((c) => c.includes("session_token=")))).toBe(true);
        expect(world.expectOr((await world.testDb.db.user.count({ where: { email } })) === 0)).toBe(true);
      }
    }
    world.notes.push(`staff sign-up: ${statuses.length} attempts, statuses ${JSON.stringify(statuses)}, 0 accounts`);
  });
});

describe("account discovery", () => {
  it("answers unknown email, wrong password and non-operator alike, in similar time", async () => {
    // Fresh accounts per sample keep every account under its limit.
    const ROUNDS = 4;
    // Separate members for the CRM and the studio: both count failures on the same account.
    const members = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => world.staff(`timing.member${i}@alpha.test`)));
    const studioMembers = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => world.staff(`timing.studio-member${i}@alpha.test`)));
    const operators = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => world.staff(`timing.operator${i}@platform.test`, "operator")));
    const cases = {
      "crm unknown email": (i: number) => ({
        origin: world.servers.origins.crm!,
        host: world.tenant.crmHost,
        email: `nobody${i}.${world.spoofed()}@alpha.test`,
        password: STAFF_PASSWORD,
      }),
      "crm wrong password": (i: number) => ({
        origin: world.servers.origins.crm!,
        host: world.tenant.crmHost,
        email: members[i % ROUNDS]!.email,
        password: "not-the-password-1",
      }),
      "studio unknown email": (i: number) => ({
        origin: world.servers.origins.studio!,
        host: undefined,
        email: `nobody${i}.${world.spoofed()}@platform.test`,
        password: STAFF_PASSWORD,
      }),
      "studio wrong password": (i: number) => ({
        origin: world.servers.origins.studio!,
        host: undefined,
        email: operators[i % ROUNDS]!.email,
        password: "not-the-password-1",
      }),
      "studio non-operator, right password": (i: number) => ({
        origin: world.servers.origins.studio!,
        host: undefined,
        email: studioMembers[i % ROUNDS]!.email,
        password: STAFF_PASSWORD,
      }),
    } as const;
    const times: Record<string, number[]> = {};
    const bodies: Record<string, Set<string>> = {};
    // Interleaved, so that the machine's load falls on every case alike; 3 samples per account.
    for (let i = 0; i < ROUNDS * 3; i++) {
      for (const [name, make] of Object.entries(cases)) {
        const c = make(i);
        const res = await world.send(c.origin, "POST", "/api/auth/sign-in/email", { host: c.host, json: { email: c.email, password: c.password } });
        (times[name] ??= []).push(res.ms);
        (bodies[`${name.split(" ")[0]}`] ??= new Set()).add(`${res.status} ${res.body}`);
      }
    }
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    world.notes.push(
      `sign-in medians (ms, ${ROUNDS * 3} each): ${Object.entries(medians)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    expect(world.expectOr(bodies.crm!.size === 1 && bodies.studio!.size === 1)).toBe(true);
    expect([...bodies.crm!][0]).toMatch(/^401 /);
    for (const app of ["crm", "studio"]) {
      const ms = Object.entries(medians)
        .filter(([k]) => k.startsWith(app))
        .map(([, v]) => v);
      // Similar: the slowest case's median within twice the fastest's (plus 20 ms of network noise).
      expect(world.expectOr(Math.max(...ms) <= 2 * Math.min(...ms) + 20)).toBe(true);
    }
  });
});
