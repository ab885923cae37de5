import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { CLIENT_ADDRESS_HEADER } from "@real-estate/http";
import { createStaffAccount, signInWithPassword } from "../src/index";
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess, refuseSignIn, staffSignInKeys, visitorSignInKeys } from "../src/sign-in-throttle";

const testDb = useTestDatabase("auth_throttle");
const PASSWORD = "correct-horse-battery-9";
// The app server (real-estate-serve) hands the socket address to the app under this header.
const headersFrom = (address: string) => new Headers({ host: "crm.alpha.localhost:3001", [CLIENT_ADDRESS_HEADER]: address });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rowOf = (key: string) =>
  testDb().db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`SELECT failures, "lockedUntil" FROM sign_in_throttle WHERE key = ${key}`.then(
    (r) => r[0],
  );

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith("SIGN_IN_")) delete process.env[name];
  Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([k]) => k.startsWith("SIGN_IN_"))));
});

describe("sign-in limits", () => {
  beforeAll(async () => {
    testDb();
    const made = await createStaffAccount({ name: "Agent", email: "agent@alpha.example", password: PASSWORD });
    if (!made.ok) throw new Error(made.message);
  });

  it("locks an account after 5 failures, even for the right password; the answer is the same for an unknown email", async () => {
    for (const email of ["agent@alpha.example", "nobody@alpha.example"]) {
      for (let i = 1; i <= 5; i++) {
        const res = await signInWithPassword({ email, password: `wrong-password-${i}`, headers: headersFrom(`10.0.0.${i}`) });
        expect(res).toMatchObject({ ok: false, error: "invalid_credentials" });
      }
      const locked = await signInWithPassword({ email, password: PASSWORD, headers: headersFrom("10.0.0.99") });
      expect(locked).toMatchObject({ ok: false, error: "too_many_attempts", retryAfterSeconds: 15 });
    }
  });

  it("doubles the lock with each further failure, then forgets after a quiet period", async () => {
    process.env.SIGN_IN_FAILURES_PER_ACCOUNT = "3";
    process.env.SIGN_IN_LOCK_SECONDS = "0.4";
    process.env.SIGN_IN_MAX_LOCK_SECONDS = "1.5";
    process.env.SIGN_IN_QUIET_SECONDS = "1.5";
    const keys = visitorSignInKeys({ tenantId: "t1", email: "Visitor@Example.com" });
    const lockMs = async () => {
      const row = await rowOf(keys[0]!.key);
      return row?.lockedUntil ? row.lockedUntil.getTime() - Date.now() : 0;
    };
    await recordSignInFailure({ keys });
    await recordSignInFailure({ keys });
    expect(await checkSignInThrottle({ keys })).toEqual({ ok: true });
    await recordSignInFailure({ keys }); // 3rd: 0.4 s
    expect((await checkSignInThrottle({ keys })).ok).toBe(false);
    expect(await lockMs()).toBeLessThanOrEqual(400);
    await recordSignInFailure({ keys }); // 4th: 0.8 s
    expect(await lockMs()).toBeGreaterThan(400);
    await recordSignInFailure({ keys }); // 5th: 1.5 s (capped, not 1.6)
    expect(await lockMs()).toBeGreaterThan(800);
    expect(await lockMs()).toBeLessThanOrEqual(1500);
    expect((await rowOf(keys[0]!.key))?.failures).toBe(5);
    await sleep(1_700);
    expect(await checkSignInThrottle({ keys })).toEqual({ ok: true });
    await recordSignInFailure({ keys });
    expect((await rowOf(keys[0]!.key))?.failures).toBe(1);
    // The same email on another tenant's site is another counter.
    expect(visitorSignInKeys({ tenantId: "t2", email: "visitor@example.com" })[0]!.key).not.toBe(keys[0]!.key);
  });

  it("counts every failure when instances race on one key", async () => {
    const keys = staffSignInKeys({ email: "race@alpha.example", address: "10.9.9.9" });
    await Promise.all(Array.from({ length: 12 }, () => recordSignInFailure({ keys })));
    expect((await rowOf(keys[0]!.key))?.failures).toBe(12);
    expect((await rowOf(keys[1]!.key))?.failures).toBe(12);
    await recordSignInSuccess({ keys });
    expect(await rowOf(keys[0]!.key)).toBeUndefined();
    // The address keeps its failures: a success on an own account does not clear guesses at others.
    expect((await rowOf(keys[1]!.key))?.failures).toBe(12);
  });

  it("locks an address after 20 failures across different accounts", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await signInWithPassword({ email: `user${i}@spray.example`, password: "wrong-password-x", headers: headersFrom("10.7.7.7") });
      expect(res).toMatchObject({ error: "invalid_credentials" });
    }
    expect(await signInWithPassword({ email: "agent@alpha.example", password: PASSWORD, headers: headersFrom("10.7.7.7") })).toMatchObject({
      error: "too_many_attempts",
    });
  });

  it("a success clears the account's failures; refuseSignIn counts like a wrong password", async () => {
    for (let i = 0; i < 4; i++) await signInWithPassword({ email: "agent2@alpha.example", password: "wrong-password", headers: headersFrom("10.1.1.1") });
    await createStaffAccount({ name: "Agent 2", email: "agent2@alpha.example", password: PASSWORD });
    expect(await signInWithPassword({ email: "agent2@alpha.example", password: PASSWORD, headers: headersFrom("10.1.1.2") })).toMatchObject({ ok: true });
    expect(await rowOf(staffSignInKeys({ email: "agent2@alpha.example", address: "-" })[0]!.key)).toBeUndefined();
    for (let i = 0; i < 5; i++)
      expect(await refuseSignIn({ email: "agent2@alpha.example", password: "x", headers: headersFrom("10.1.1.3") })).toEqual({ status: 401 });
    expect(await refuseSignIn({ email: "agent2@alpha.example", password: "x", headers: headersFrom("10.1.1.3") })).toMatchObject({ status: 429 });
    expect(await signInWithPassword({ email: "agent2@alpha.example", password: PASSWORD, headers: headersFrom("10.1.1.4") })).toMatchObject({
      error: "too_many_attempts",
    });
  });
});
