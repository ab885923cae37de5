// A studio operator resets a forgotten password by e-mail (decision 0035): the platform outbox on
// PostgreSQL, the project's SMTP sink receiving the message, better-auth's one-use token stored
// as its hash only.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import { CLIENT_ADDRESS_HEADER } from "@real-estate/http";
import {
  createSmtpTransport,
  deliverPlatformEmail,
  PLATFORM_EMAIL_ATTEMPTS,
  queuePlatformEmail,
  platformBranding,
  sweepPlatformEmails,
} from "@real-estate/mail";
import { startSmtpSink, type SmtpSink } from "@real-estate/smtp-sink";
import {
  OPERATOR_ROLE,
  requestOperatorPasswordReset,
  resetStaffPassword,
  settleOperatorResetMail,
  signInWithPassword,
  signUpWithPassword,
} from "@real-estate/auth";

const testDb = useTestDatabase("operatorreset");
const STUDIO = "http://studio.localhost:3002";
const OLD_PASSWORD = "pass-word-1234";
const NEW_PASSWORD = "a-brand-new-secret-42";
let address = 0;

/** Headers of a request from its own client address (the studio limits requests per address). */
const headersFrom = (client = `10.0.0.${++address}`) => new Headers({ host: "studio.localhost:3002", [CLIENT_ADDRESS_HEADER]: client });

function tokenOf(text: string): string {
  const match = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text.slice(0, 300)}`);
  return decodeURIComponent(match[1]!);
}

async function signUp(email: string, role: string | null) {
  const res = await signUpWithPassword({ name: email.split("@")[0]!, email, password: OLD_PASSWORD, headers: headersFrom() });
  if (!res.ok) throw new Error(res.message);
  await testDb().db.user.update({ where: { id: res.userId }, data: { platformRole: role } });
  return res.userId;
}

describe("operator password reset by e-mail (platform outbox)", () => {
  let sink: SmtpSink;
  let operatorId: string;
  const previousSmtpUrl = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink({ smtpPort: 0, httpPort: null });
    process.env.SMTP_URL = sink.url;
    operatorId = await signUp("ops@platform.example", OPERATOR_ROLE);
    // A tenant's agent (not an operator) with an account on the same platform.
    const tenant = await createTenantFixture(testDb().db, { slug: "alpha" });
    const agentId = await signUp("agent@alpha.example", null);
    await createMembership({ tenantId: tenant.tenantId, userId: agentId, role: "OWNER" });
  });

  afterAll(async () => {
    if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtpUrl;
    await sink?.close();
  });

  it("answers alike for an unknown address and a non-operator, and mails only the operator, once per window", async () => {
    const { db } = testDb();
    expect(await requestOperatorPasswordReset({ email: "nobody@platform.example", studioUrl: STUDIO, headers: headersFrom() })).toEqual({ ok: true });
    expect(await requestOperatorPasswordReset({ email: "agent@alpha.example", studioUrl: STUDIO, headers: headersFrom() })).toEqual({ ok: true });
    await settleOperatorResetMail();
    expect(await db.platformEmail.count()).toBe(0);
    expect(await db.emailMessage.count()).toBe(0);
    expect(sink.messages()).toHaveLength(0);

    expect(await requestOperatorPasswordReset({ email: " Ops@Platform.example ", studioUrl: STUDIO, headers: headersFrom() })).toEqual({ ok: true });
    expect(await requestOperatorPasswordReset({ email: "ops@platform.example", studioUrl: STUDIO, headers: headersFrom() })).toEqual({ ok: true });
    await settleOperatorResetMail();

    const stored = await db.platformEmail.findMany({ where: { template: "password-reset" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ userId: operatorId, toAddress: "ops@platform.example", template: "password-reset", status: "SENT", attempts: 1 });
    expect(stored[0]!.smtpCode).toBe(250);
    // Nothing went to any tenant's outbox or queue.
    expect(await db.emailMessage.count()).toBe(0);
    expect(await db.ingestionJob.count()).toBe(0);

    const received = sink.messages();
    expect(received).toHaveLength(1);
    expect(received[0]!.envelope.to).toEqual(["ops@platform.example"]);
    expect(received[0]!.messageId).toBe(`<${stored[0]!.messageId}>`);
    expect(received[0]!.from).toContain("Platform Studio");
    expect(received[0]!.from).toMatch(/studio@/);
    expect(received[0]!.html).toContain(`${STUDIO}/reset-password?token=`);
    expect(received[0]!.text).toContain(`${STUDIO}/reset-password?token=`);

    // better-auth keeps the token's hash only: the token itself is nowhere in the table.
    const token = tokenOf(received[0]!.text ?? "");
    const identifiers = (await db.verification.findMany({ where: { identifier: { not: "" } }, select: { identifier: true } })).map((v) => v.identifier);
    expect(identifiers.length).toBeGreaterThan(0);
    for (const identifier of identifiers) expect(identifier).not.toContain(token);
  });

  it("sets the new password once with the mailed token; the old one stops working", async () => {
    const token = tokenOf(sink.messages()[0]!.text ?? "");
    expect(await resetStaffPassword({ token, newPassword: "short", headers: headersFrom() })).toMatchObject({ ok: false, error: "weak_password" });
    expect(await resetStaffPassword({ token, newPassword: NEW_PASSWORD, headers: headersFrom() })).toEqual({ ok: true });
    expect(await resetStaffPassword({ token, newPassword: "another-new-secret-99", headers: headersFrom() })).toMatchObject({
      ok: false,
      error: "invalid_token",
    });
    expect((await signInWithPassword({ email: "ops@platform.example", password: OLD_PASSWORD, headers: headersFrom() })).ok).toBe(false);
    expect((await signInWithPassword({ email: "ops@platform.example", password: NEW_PASSWORD, headers: headersFrom() })).ok).toBe(true);
  });

  it("refuses an expired token", async () => {
    const { db } = testDb();
    await db.platformEmail.deleteMany({ where: { template: "password-reset" } });
    const before = sink.messages().length;
    await requestOperatorPasswordReset({ email: "ops@platform.example", studioUrl: STUDIO, headers: headersFrom() });
    await settleOperatorResetMail();
    const token = tokenOf(sink.messages()[before]!.text ?? "");
    await db.verification.updateMany({ where: { identifier: { not: "" } }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await resetStaffPassword({ token, newPassword: "yet-another-secret-77", headers: headersFrom() })).toMatchObject({
      ok: false,
      error: "invalid_token",
    });
  });

  it("limits requests per client address: the sixth in ten minutes is refused and sends nothing", async () => {
    const { db } = testDb();
    await db.platformEmail.deleteMany({ where: { template: "password-reset" } });
    const client = "192.0.2.77";
    for (let i = 0; i < 5; i++) {
      expect(await requestOperatorPasswordReset({ email: `nobody${i}@platform.example`, studioUrl: STUDIO, headers: headersFrom(client) })).toEqual({
        ok: true,
      });
    }
    const refused = await requestOperatorPasswordReset({ email: "ops@platform.example", studioUrl: STUDIO, headers: headersFrom(client) });
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    await settleOperatorResetMail();
    expect(await db.platformEmail.count()).toBe(0);
  });

  it("the worker's sweep sends what the request could not, keeps the Message-ID, and gives up after the last attempt or the hour", async () => {
    const { db } = testDb();
    await db.platformEmail.deleteMany({ where: { template: "password-reset" } });
    const brand = platformBranding({ studioUrl: STUDIO });
    const props = { resetUrl: `${STUDIO}/reset-password?token=sweep`, validMinutes: 60 };
    const old = new Date(Date.now() - 5 * 60_000);
    const late = await queuePlatformEmail(db, {
      template: "password-reset",
      props,
      userId: operatorId,
      to: "ops@platform.example",
      dedupeKey: crypto.randomUUID(),
      brand,
      now: old,
    });
    const doomed = await queuePlatformEmail(db, {
      template: "password-reset",
      props,
      userId: operatorId,
      to: "ops@platform.example",
      dedupeKey: crypto.randomUUID(),
      brand,
      now: old,
    });
    const stale = await queuePlatformEmail(db, {
      template: "password-reset",
      props,
      userId: operatorId,
      to: "ops@platform.example",
      dedupeKey: crypto.randomUUID(),
      brand,
      now: new Date(Date.now() - 2 * 60 * 60_000),
    });
    // A message stored a moment ago is left to the process that stored it.
    const fresh = await queuePlatformEmail(db, {
      template: "password-reset",
      props,
      userId: operatorId,
      to: "ops@platform.example",
      dedupeKey: crypto.randomUUID(),
      brand,
    });
    await db.platformEmail.update({ where: { id: doomed.id }, data: { attempts: PLATFORM_EMAIL_ATTEMPTS - 1, updatedAt: old } });

    // The relay is down (nothing listens on port 9): the doomed one has had its last attempt.
    const down = createSmtpTransport({ url: "smtp://127.0.0.1:9", maxConnections: 1 });
    try {
      expect(await sweepPlatformEmails(db, { transport: down })).toEqual({ sent: 0, failed: 1, expired: 1, queued: 1 });
    } finally {
      down.close?.();
    }
    const byId = async (id: string) => db.platformEmail.findUniqueOrThrow({ where: { id } });
    expect(await byId(doomed.id)).toMatchObject({ status: "FAILED", attempts: PLATFORM_EMAIL_ATTEMPTS });
    expect(await byId(stale.id)).toMatchObject({ status: "FAILED", attempts: 0 });
    expect(await byId(late.id)).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect((await byId(late.id)).lastError).toBeTruthy();

    // The relay is back; the sweep runs once the failed attempt is 30 s old.
    const before = sink.messages().length;
    const up = createSmtpTransport({ url: sink.url, maxConnections: 1 });
    try {
      expect(await sweepPlatformEmails(db, { transport: up, now: new Date(Date.now() + 60_000) })).toEqual({ sent: 2, failed: 0, expired: 0, queued: 0 });
      // Nothing is sent twice.
      expect(await sweepPlatformEmails(db, { transport: up, now: new Date(Date.now() + 120_000) })).toEqual({ sent: 0, failed: 0, expired: 0, queued: 0 });
    } finally {
      up.close?.();
    }
    const sent = sink.messages().slice(before);
    expect(sent.map((m) => m.messageId).sort()).toEqual([`<${late.messageId}>`, `<${fresh.messageId}>`].sort());
    expect(await byId(late.id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("a repeat of a message stored while it is being sent neither holds up that delivery nor stores a second", async () => {
    const { db } = testDb();
    await db.platformEmail.deleteMany({ where: { template: "password-reset" } });
    const brand = platformBranding({ studioUrl: STUDIO });
    const props = { resetUrl: `${STUDIO}/reset-password?token=repeat`, validMinutes: 60 };
    const transport = createSmtpTransport({ url: sink.url, maxConnections: 1 });
    try {
      for (let round = 0; round < 15; round++) {
        const dedupeKey = crypto.randomUUID();
        const queue = () => queuePlatformEmail(db, { template: "password-reset", props, userId: operatorId, to: "ops@platform.example", dedupeKey, brand });
        const first = await queue();
        expect(first.created).toBe(true);
        const [outcome, ...repeats] = await Promise.all([deliverPlatformEmail(db, { id: first.id, transport }), queue(), queue(), queue()]);
        expect(outcome).toBe("SENT");
        for (const repeat of repeats) expect(repeat).toEqual({ id: first.id, messageId: first.messageId, created: false });
      }
    } finally {
      transport.close?.();
    }
    expect(await db.platformEmail.count({ where: { template: "password-reset" } })).toBe(15);
    expect(await db.platformEmail.count({ where: { template: "password-reset", status: "SENT", attempts: 1 } })).toBe(15);
  });
});
