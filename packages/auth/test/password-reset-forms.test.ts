import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import { readForgotPasswordForm, requestStaffPasswordReset, resetStaffPasswordFromForm, signInWithPassword, signUpWithPassword } from "../src/index";

const testDb = useTestDatabase("resetforms");
const HOST = "crm.alpha.localhost:3001";
const EMAIL = "forms@alpha.example";
const OLD_PASSWORD = "pass-word-1234";
const NEW_PASSWORD = "a-brand-new-secret-42";

const headersFor = () => new Headers({ host: HOST });
const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};
const signsIn = async (password: string) => (await signInWithPassword({ email: EMAIL, password, headers: headersFor() })).ok;

describe("the forgot-password form", () => {
  it("names what is wrong with the address and passes a good one on", () => {
    expect(readForgotPasswordForm(formOf({}))).toEqual({ ok: false, error: "Enter your email address." });
    expect(readForgotPasswordForm(formOf({ email: "not-an-address" }))).toEqual({ ok: false, error: "Enter your email address." });
    expect(readForgotPasswordForm(formOf({ email: `${"a".repeat(250)}@b.example` })).ok).toBe(false);
    expect(readForgotPasswordForm(formOf({ email: "agent@alpha.example" }))).toEqual({ ok: true, email: "agent@alpha.example" });
  });
});

describe("the reset form", () => {
  let a: TenantFixture;
  let token: string;

  beforeAll(async () => {
    const db = testDb().db;
    a = await createTenantFixture(db, { slug: "alpha" });
    await createTenantFixture(db, { slug: "beta" });
    const res = await signUpWithPassword({ name: "Form Agent", email: EMAIL, password: OLD_PASSWORD, headers: headersFor() });
    if (!res.ok) throw new Error(res.message);
    await createMembership({ tenantId: a.tenantId, userId: res.userId, role: "AGENT" });
    await requestStaffPasswordReset({ tenantId: a.tenantId, email: EMAIL, crmHost: HOST, headers: headersFor() });
    const message = await db.emailMessage.findFirstOrThrow({ where: { template: "password-reset", tenantId: a.tenantId } });
    const match = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(message.text);
    if (!match) throw new Error("no reset link in the e-mail");
    token = decodeURIComponent(match[1]!);
  });

  it("refuses an incomplete link, a weak password and two different passwords, and changes nothing", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ token: "short", password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "This link is not complete."],
      [{ token, password: "short", confirm: "short" }, "Passwords need at least 12 characters."],
      [{ token, password: NEW_PASSWORD, confirm: "a-different-secret-42" }, "The two passwords differ."],
    ];
    for (const [fields, error] of cases) expect(await resetStaffPasswordFromForm(formOf(fields), headersFor())).toEqual({ ok: false, error });
    expect(await resetStaffPasswordFromForm(formOf({ token: "not-a-real-token", password: NEW_PASSWORD, confirm: NEW_PASSWORD }), headersFor())).toEqual({
      ok: false,
      error: "This link is not valid any more. Ask for a new one.",
    });
    expect(await signsIn(OLD_PASSWORD)).toBe(true);
  });

  it("sets the new password with the mailed token, once", async () => {
    expect(await resetStaffPasswordFromForm(formOf({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), headersFor())).toEqual({ ok: true });
    expect(await signsIn(OLD_PASSWORD)).toBe(false);
    expect(await signsIn(NEW_PASSWORD)).toBe(true);
    const again = await resetStaffPasswordFromForm(formOf({ token, password: "another-new-secret-99", confirm: "another-new-secret-99" }), headersFor());
    expect(again).toEqual({ ok: false, error: "This link is not valid any more. Ask for a new one." });
  });
});
