import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import { getSession, requestStaffPasswordReset, resetStaffPassword, signInWithPassword, signUpWithPassword } from "../src/index";
import { STAFF_RESET_MAILS_PER_DAY, STAFF_RESET_MAIL_DAY_MS } from "../src/password-reset/staff-password-reset-mail";

const testDb = useTestDatabase("staffreset");
const ASK_RESETS = path.join(path.dirname(fileURLToPath(import.meta.url)), "support", "ask-resets.ts");
const HOST = "crm.alpha.localhost:3001";
const OLD_PASSWORD = "pass-word-1234";
const NEW_PASSWORD = "a-brand-new-secret-42";

const headersFor = (cookie?: string) => new Headers(cookie ? { host: HOST, cookie } : { host: HOST });

function tokenOf(text: string): string {
  const match = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text.slice(0, 300)}`);
  return decodeURIComponent(match[1]!);
}

describe("staff password reset by e-mail", () => {
  let a: TenantFixture;
  let b: TenantFixture;
  let cookie: string;

  beforeAll(async () => {
    const db = testDb().db;
    a = await createTenantFixture(db, { slug: "alpha" });
    b = await createTenantFixture(db, { slug: "beta" });
    const res = await signUpWithPassword({ name: "Agent Alpha", email: "agent@alpha.example", password: OLD_PASSWORD, headers: headersFor() });
    if (!res.ok) throw new Error(res.message);
    cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await createMembership({ tenantId: a.tenantId, userId: res.userId, role: "AGENT" });
  });

  it("answers alike for unknown addresses and non-members, and mails only a member, on the tenant asked", async () => {
    const { db } = testDb();
    expect(await requestStaffPasswordReset({ tenantId: a.tenantId, email: "nobody@alpha.example", headers: headersFor() })).toEqual({ ok: true });
    expect(await requestStaffPasswordReset({ tenantId: b.tenantId, email: "agent@alpha.example", headers: headersFor() })).toEqual({ ok: true });
    expect(await db.emailMessage.count({ where: { template: "password-reset" } })).toBe(0);

    expect(
      await requestStaffPasswordReset({
        tenantId: a.tenantId,
        email: " Agent@Alpha.example ",
        crmHost: "crm.alpha.test",
        headers: headersFor(),
      }),
    ).toEqual({
      ok: true,
    });
    // A second request at once mails nothing more (one e-mail per account and window).
    await requestStaffPasswordReset({ tenantId: a.tenantId, email: "agent@alpha.example", headers: headersFor() });
    const messages = await db.emailMessage.findMany({ where: { template: "password-reset" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ tenantId: a.tenantId, toAddress: "agent@alpha.example", category: "transactional", status: "QUEUED" });
    expect(messages[0]!.fromAddress).toMatch(/^alpha@/);
    expect(messages[0]!.text).toContain("http://crm.alpha.test:3001/reset-password?token=");
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: "email.deliver" } })).toBe(1);
    expect(await db.ingestionJob.count({ where: { tenantId: b.tenantId } })).toBe(0);
  });

  it("sets a new password once with the mailed token, refuses weak ones, and ends every session", async () => {
    const { db } = testDb();
    const message = await db.emailMessage.findFirstOrThrow({ where: { template: "password-reset", tenantId: a.tenantId } });
    const token = tokenOf(message.text);
    expect((await getSession(headersFor(cookie)))?.user.email).toBe("agent@alpha.example");

    expect(await resetStaffPassword({ token, newPassword: "short", headers: headersFor() })).toMatchObject({ ok: false, error: "weak_password" });
    expect(await resetStaffPassword({ token: "not-a-token", newPassword: NEW_PASSWORD, headers: headersFor() })).toMatchObject({
      ok: false,
      error: "invalid_token",
    });
    expect(await resetStaffPassword({ token, newPassword: NEW_PASSWORD, headers: headersFor() })).toEqual({ ok: true });
    expect(await resetStaffPassword({ token, newPassword: "another-new-secret-99", headers: headersFor() })).toMatchObject({
      ok: false,
      error: "invalid_token",
    });

    expect(await getSession(headersFor(cookie))).toBeNull();
    expect((await signInWithPassword({ email: "agent@alpha.example", password: OLD_PASSWORD, headers: headersFor() })).ok).toBe(false);
    expect((await signInWithPassword({ email: "agent@alpha.example", password: NEW_PASSWORD, headers: headersFor() })).ok).toBe(true);
  });

  it("links to the tenant's CRM domain the reset was asked on, with the platform's scheme and port: never the Host's port or another tenant's host", async () => {
    const { db } = testDb();
    const g = await createTenantFixture(db, { slug: "gamma", crmHosts: ["crm.gamma.test", "office.gamma.test"] });
    for (const email of ["port@gamma.example", "foreign@gamma.example"]) {
      const res = await signUpWithPassword({ name: "Gamma Agent", email, password: OLD_PASSWORD, headers: headersFor() });
      if (!res.ok) throw new Error(res.message);
      await createMembership({ tenantId: g.tenantId, userId: res.userId, role: "AGENT" });
    }
    const linkOf = async (email: string) => (await db.emailMessage.findFirstOrThrow({ where: { template: "password-reset", toAddress: email } })).text;
    // Asked on the tenant's second CRM domain with a port the platform does not serve on.
    await requestStaffPasswordReset({ tenantId: g.tenantId, email: "port@gamma.example", crmHost: "Office.Gamma.test:6666", headers: headersFor() });
    const viaOffice = await linkOf("port@gamma.example");
    expect(viaOffice).toContain("http://office.gamma.test:3001/reset-password?token=");
    expect(viaOffice).not.toContain("6666");
    // A host that is not one of this tenant's CRM domains (another tenant's): the primary one.
    await requestStaffPasswordReset({ tenantId: g.tenantId, email: "foreign@gamma.example", crmHost: "crm.beta.test:6666", headers: headersFor() });
    const viaForeign = await linkOf("foreign@gamma.example");
    expect(viaForeign).toContain("http://crm.gamma.test:3001/reset-password?token=");
    expect(viaForeign).not.toContain("beta");
  });
  describe("asked again and again by someone who knows a member's address", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("mails one account at most STAFF_RESET_MAILS_PER_DAY resets a day per tenant, and a reset ends the account's other links", async () => {
      const { db } = testDb();
      const d = await createTenantFixture(db, { slug: "delta" });
      const e = await createTenantFixture(db, { slug: "epsilon" });
      const res = await signUpWithPassword({ name: "Delta Agent", email: "listed@delta.example", password: OLD_PASSWORD, headers: headersFor() });
      if (!res.ok) throw new Error(res.message);
      await createMembership({ tenantId: d.tenantId, userId: res.userId, role: "AGENT" });
      await createMembership({ tenantId: e.tenantId, userId: res.userId, role: "AGENT" });
      const mails = (tenantId: string) =>
        db.emailMessage.findMany({ where: { tenantId, template: "password-reset", toAddress: "listed@delta.example" }, orderBy: { createdAt: "asc" } });

      // One request in each two-minute window for 24 minutes (the most the per-window key lets through).
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      for (let window = 0; window < 12; window++) {
        vi.setSystemTime(start + window * 2 * 60_000);
        expect(await requestStaffPasswordReset({ tenantId: d.tenantId, email: "listed@delta.example", headers: headersFor() })).toEqual({ ok: true });
      }
      await requestStaffPasswordReset({ tenantId: e.tenantId, email: "listed@delta.example", headers: headersFor() });
      expect(STAFF_RESET_MAILS_PER_DAY).toBeLessThan(12);
      const sent = await mails(d.tenantId);
      expect(sent).toHaveLength(STAFF_RESET_MAILS_PER_DAY);
      // Another brokerage of the same member counts its own.
      expect(await mails(e.tenantId)).toHaveLength(1);

      // The first link sets the password; the second, mailed in the same hour, does nothing any more.
      const [first, second] = sent.map((m) => tokenOf(m.text));
      expect(await resetStaffPassword({ token: first!, newPassword: NEW_PASSWORD, headers: headersFor() })).toEqual({ ok: true });
      expect(await resetStaffPassword({ token: second!, newPassword: "an-attackers-secret-77", headers: headersFor() })).toMatchObject({
        ok: false,
        error: "invalid_token",
      });
      expect((await signInWithPassword({ email: "listed@delta.example", password: NEW_PASSWORD, headers: headersFor() })).ok).toBe(true);

      // A day after the first, the account can be mailed a link again.
      vi.setSystemTime(start + STAFF_RESET_MAIL_DAY_MS + 60_000);
      await requestStaffPasswordReset({ tenantId: d.tenantId, email: "listed@delta.example", headers: headersFor() });
      expect(await mails(d.tenantId)).toHaveLength(STAFF_RESET_MAILS_PER_DAY + 1);
    });

    it("mails at most STAFF_RESET_MAILS_PER_DAY when the requests of many windows arrive at the same instant, per tenant", async () => {
      const { db } = testDb();
      const z = await createTenantFixture(db, { slug: "zeta" });
      const h = await createTenantFixture(db, { slug: "eta" });
      const res = await signUpWithPassword({ name: "Zeta Agent", email: "rushed@zeta.example", password: OLD_PASSWORD, headers: headersFor() });
      if (!res.ok) throw new Error(res.message);
      await createMembership({ tenantId: z.tenantId, userId: res.userId, role: "AGENT" });
      await createMembership({ tenantId: h.tenantId, userId: res.userId, role: "AGENT" });

      // Twenty requests on each tenant, each asked in a window of its own (so the per-window key
      // lets each through), all running at once: each reset on a connection of its own.
      const AT_ONCE = 20;
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      const asked: Promise<unknown>[] = [];
      for (let window = 0; window < AT_ONCE; window++) {
        vi.setSystemTime(start + window * 2 * 60_000);
        for (const tenantId of [z.tenantId, h.tenantId]) {
          asked.push(requestStaffPasswordReset({ tenantId, email: "rushed@zeta.example", headers: headersFor() }));
        }
      }
      const answers = await Promise.all(asked);
      expect(answers.every((a) => JSON.stringify(a) === JSON.stringify({ ok: true }))).toBe(true);

      expect(STAFF_RESET_MAILS_PER_DAY).toBeLessThan(AT_ONCE);
      const mailed = (tenantId: string) => db.emailMessage.count({ where: { tenantId, template: "password-reset", toAddress: "rushed@zeta.example" } });
      expect(await mailed(z.tenantId)).toBe(STAFF_RESET_MAILS_PER_DAY);
      expect(await mailed(h.tenantId)).toBe(STAFF_RESET_MAILS_PER_DAY);
      expect(await db.ingestionJob.count({ where: { tenantId: z.tenantId, kind: "email.deliver" } })).toBe(STAFF_RESET_MAILS_PER_DAY);
    });

    it("mails at most STAFF_RESET_MAILS_PER_DAY when two processes ask at the same instant", async () => {
      const { db, url } = testDb();
      const t = await createTenantFixture(db, { slug: "theta" });
      const res = await signUpWithPassword({ name: "Theta Agent", email: "two@theta.example", password: OLD_PASSWORD, headers: headersFor() });
      if (!res.ok) throw new Error(res.message);
      await createMembership({ tenantId: t.tenantId, userId: res.userId, role: "AGENT" });

      // Two processes (as two CRM instances), ten requests each, twenty windows in all.
      const base = String(Date.now());
      const children = [0, 10].map((first) => {
        const child = spawn(process.execPath, ["--import", "tsx", ASK_RESETS, t.tenantId, "two@theta.example", String(first), "10", base], {
          env: { ...process.env, DATABASE_URL: url },
          stdio: ["pipe", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (d) => (out += String(d)));
        child.stderr.on("data", (d) => (out += String(d)));
        const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
        return { child, output: () => out, exited };
      });
      try {
        const deadline = Date.now() + 90_000;
        while (!children.every((c) => c.output().includes("ready"))) {
          if (Date.now() > deadline) throw new Error(`not ready: ${children.map((c) => c.output()).join("\n")}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        for (const c of children) c.child.stdin.write("go\n");
        expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
      } finally {
        for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
      }
      for (const c of children) expect(c.output()).toContain(JSON.stringify(Array.from({ length: 10 }, () => ({ ok: true }))));

      expect(await db.emailMessage.count({ where: { tenantId: t.tenantId, template: "password-reset", toAddress: "two@theta.example" } })).toBe(
        STAFF_RESET_MAILS_PER_DAY,
      );
    });
  });
});
