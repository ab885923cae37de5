// Only platform operators get anything from the studio: signed out or signed in as a tenant
// owner, every page and every action answers 404 (pages send signed-out visitors to sign-in),
// and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { runStudioRedrive } from "@real-estate/operator";
import { seedDeadLetters } from "./support/ingestion-fixture";
import { demoIds } from "./support/ids";
import { OPERATOR, OWNER } from "./support/constants";
import { api, operatorCookie, ownerCookie, testDb } from "./support/studio-client";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let ids: Awaited<ReturnType<typeof demoIds>> & { domain: string; job: string; redrive: string };
let owner: string;
let operator: string;

async function snapshot() {
  const db = testDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ids.fairfield } });
  return {
    tenant: { name: tenant.name, status: tenant.status, logoPath: tenant.logoPath },
    tenants: await db.tenant.count({ where: { slug: { not: "" } } }),
    domains: await db.tenantDomain.count({ where: { tenantId: ids.fairfield } }),
    modules: JSON.stringify(
      await db.moduleConfig.findMany({
        where: { tenantId: ids.fairfield },
        orderBy: { id: "asc" },
        select: { moduleKey: true, enabled: true, sortOrder: true },
      }),
    ),
    town: JSON.stringify((await db.town.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ids.fairfield, id: ids.town.id } } })).content),
    audit: await db.operatorAuditLog.count({ where: { createdAt: { gte: new Date(0) } } }),
    redrives: await db.redriveAudit.count({ where: { startedAt: { gte: new Date(0) } } }),
    deadLetters: await db.ingestionJob.count({ where: { status: "DEAD_LETTERED" } }),
  };
}

beforeAll(async () => {
  const base = await demoIds();
  const db = testDb();
  const domain = await db.tenantDomain.findFirstOrThrow({ where: { tenantId: base.fairfield, kind: "WEB", isPrimary: false }, select: { id: true } });
  const [job, other] = await seedDeadLetters(db, { tenantId: base.fairfield, count: 2, error: "access test failure" });
  const redrive = await runStudioRedrive({ selection: { ids: [other!] }, actor: { userId: "seed", email: "seed@platform.example" } });
  ids = { ...base, domain: domain.id, job: job!, redrive: redrive.redriveId };
  [owner, operator] = await Promise.all([ownerCookie(), operatorCookie()]);
});

const actions = () =>
  [
    ["POST", "/api/tenants", { slug: "owner-made", name: "Owner Made" }],
    ["GET", `/api/tenants/${ids.fairfield}`],
    ["PATCH", `/api/tenants/${ids.fairfield}`, { name: "Taken Over" }],
    ["POST", `/api/tenants/${ids.fairfield}/status`, { status: "SUSPENDED" }],
    ["GET", `/api/tenants/${ids.fairfield}/logo`],
    ["PUT", `/api/tenants/${ids.fairfield}/logo`, PNG],
    ["DELETE", `/api/tenants/${ids.fairfield}/logo`],
    ["POST", `/api/tenants/${ids.fairfield}/domains`, { hostname: "owner-added.example", kind: "WEB" }],
    ["DELETE", `/api/tenants/${ids.fairfield}/domains/${ids.domain}`],
    ["POST", `/api/tenants/${ids.fairfield}/domains/${ids.domain}/primary`],
    ["GET", `/api/tenants/${ids.fairfield}/modules/town`],
    ["PUT", `/api/tenants/${ids.fairfield}/modules/town`, { modules: [] }],
    ["PATCH", `/api/tenants/${ids.fairfield}/modules/town`, { moduleKey: "schools", enabled: false }],
    ["GET", `/api/tenants/${ids.fairfield}/areas/town/${ids.town.id}`],
    ["PUT", `/api/tenants/${ids.fairfield}/areas/town/${ids.town.id}`, { content: {} }],
    ["GET", "/api/dead-letters"],
    ["GET", "/api/dead-letters/count"],
    ["GET", `/api/dead-letters/${ids.fairfield}/${ids.job}`],
    ["POST", `/api/dead-letters/${ids.fairfield}/${ids.job}/reveal`, {}],
    ["GET", "/api/redrives"],
    ["POST", "/api/redrives", { selection: { all: true, filter: {} } }],
    ["GET", `/api/redrives/${ids.redrive}`],
  ] as const;

const pages = () => [
  "/",
  "/tenants",
  "/tenants/new",
  `/tenants/${ids.fairfield}`,
  `/tenants/${ids.fairfield}/domains`,
  `/tenants/${ids.fairfield}/website`,
  `/tenants/${ids.fairfield}/content`,
  `/tenants/${ids.fairfield}/content/town/${ids.town.id}`,
  `/tenants/${ids.fairfield}/activity`,
  "/dead-letters",
  `/dead-letters/${ids.fairfield}/${ids.job}`,
  "/redrives",
  `/redrives/${ids.redrive}`,
  "/audit",
];

async function call(method: string, path: string, payload: unknown, cookie?: string) {
  if (payload instanceof Buffer) return api(method, path, { cookie, body: new Uint8Array(payload), headers: { "content-type": "image/png" } });
  return api(method, path, { cookie, json: payload });
}

describe("studio access", () => {
  it("answers 404 to every action for a signed-out visitor and for a tenant owner, changing nothing", async () => {
    const before = await snapshot();
    for (const [method, path, payload] of actions()) {
      for (const [who, cookie] of [
        ["anonymous", undefined],
        ["owner", owner],
      ] as const) {
        const res = await call(method, path, payload, cookie);
        expect({ who, method, path, status: res.status, body: res.body }).toEqual({ who, method, path, status: 404, body: { error: "not_found" } });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets the operator read what the others could not", async () => {
    for (const [method, path] of actions().filter(([m]) => m === "GET")) {
      const res = await api(method, path, { cookie: operator });
      // Fairfield has no logo yet: the operator is told so, unlike the bare 404 above.
      if (path.endsWith("/logo")) expect(res.body).toEqual({ error: "not_found", message: "Logo not found" });
      else expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });

  it("sends signed-out visitors to sign-in, shows a tenant owner 404, and serves the operator", async () => {
    for (const path of pages()) {
      const anonymous = await api("GET", path);
      expect({ path, status: anonymous.status, location: anonymous.headers.get("location") }).toMatchObject({
        path,
        status: 307,
        location: expect.stringMatching(/\/sign-in/),
      });
      const asOwner = await api("GET", path, { cookie: owner });
      expect({ path, status: asOwner.status }).toEqual({ path, status: 404 });
      expect(asOwner.text).not.toContain("Fairfield County Homes");
      const asOperator = await api("GET", path, { cookie: operator });
      expect({ path, status: asOperator.status }).toEqual({ path, status: 200 });
    }
  });

  it("signs in operators only; no session is created for anyone else, and sign-up does not exist", async () => {
    const db = testDb();
    const ownerUser = await db.user.findUniqueOrThrow({ where: { email: OWNER.email }, select: { id: true } });
    const sessions = await db.session.count({ where: { userId: ownerUser.id } });
    const asOwner = await api("POST", "/api/auth/sign-in/email", { json: OWNER });
    expect(asOwner.status).toBe(401);
    expect(asOwner.headers.getSetCookie()).toEqual([]);
    expect(await db.session.count({ where: { userId: ownerUser.id } })).toBe(sessions);
    expect((await api("POST", "/api/auth/sign-in/email", { json: { ...OPERATOR, password: "wrong-password-1" } })).status).toBe(401);
    expect((await api("POST", "/api/auth/sign-in/email", { json: { email: "not an email" } })).status).toBe(400);
    expect((await api("POST", "/api/auth/sign-in/email", { body: "{oops", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await api("POST", "/api/auth/sign-up/email", { json: { name: "X", email: "x@example.com", password: "password-1234" } })).status).toBe(404);
    const session = await api("GET", "/api/auth/get-session", { cookie: operator });
    expect(session.body?.user?.email).toBe(OPERATOR.email);
  });

  it("answers get-session without the session token: the httpOnly cookie alone carries it", async () => {
    const session = await api("GET", "/api/auth/get-session", { cookie: operator });
    expect(session.status).toBe(200);
    expect(session.body?.user?.email).toBe(OPERATOR.email);
    expect(session.body?.session?.id).toEqual(expect.any(String));
    expect(Object.keys(session.body?.session ?? {})).not.toContain("token");
    expect(session.text).not.toMatch(/token/i);
    const signed = decodeURIComponent(/re\.session_token=([^;]+)/.exec(operator)?.[1] ?? "");
    expect(signed.split(".")[0]!.length).toBeGreaterThan(16);
    for (const secret of [signed, signed.split(".")[0]!]) expect(session.text.includes(secret)).toBe(false);
  });

  it("answers Next.js's image optimizer 404 before Next.js: it resized the studio's files for any client", async () => {
    for (const url of ["/favicon.ico", "/sign-in", "/tenants"]) {
      for (const cookie of [undefined, operator]) {
        const res = await api("GET", `/_next/image?url=${encodeURIComponent(url)}&w=3840&q=75`, { cookie });
        expect([url, res.status, res.text]).toEqual([url, 404, `{"error":"not_found"}`]);
      }
    }
  });

  it("sends a signed-in operator on from sign-in to same-site paths only, dot segments and all", async () => {
    expect((await api("GET", `/sign-in?next=${encodeURIComponent("/tenants?q=1")}`, { cookie: operator })).headers.get("location")).toBe("/tenants?q=1");
    // Each resolves to `//evil.example…`, which a browser follows to another host.
    for (const next of ["/.//evil.example", "/a/..//evil.example/x", "/%2e%2e//evil.example"]) {
      const res = await api("GET", `/sign-in?next=${encodeURIComponent(next)}`, { cookie: operator });
      expect({ next, status: res.status, location: res.headers.get("location") }).toEqual({ next, status: 307, location: "/" });
    }
  });

  it("refuses a cross-site write even with the operator's cookie", async () => {
    const res = await api("PATCH", `/api/tenants/${ids.fairfield}`, {
      cookie: operator,
      json: { name: "From elsewhere" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((await testDb().tenant.findUniqueOrThrow({ where: { id: ids.fairfield } })).name).not.toBe("From elsewhere");
  });
});
