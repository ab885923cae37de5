// Published secrets, attacked as an outsider would (issue 11, class 5): an app started as a fresh
// `npm start` once started it (no secret configured) refuses to run in production, and a running
// app rejects email-change, verification and session tokens signed with every secret string in
// the repository and its history, and revalidation with every published token, on any host.
// Sign-in guessing, staff sign-up and account discovery are sign-in-guessing.test.ts's.
import http from "node:http";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@real-estate/auth";
import { isPublishedSecret } from "@real-estate/auth/secrets";
import { forgeJwt, forgeSignedCookie } from "../src/secrets/forge-tokens";
import { publishedSecretCandidates, type SecretCandidates } from "../src/secrets/repository-secrets";
import { startNextServer } from "../src/servers/next-server";
import { STAFF_PASSWORD, startOutsiderWorld, type OutsiderWorld } from "../src/world/outsider-probes";

let world: OutsiderWorld;
let candidates: SecretCandidates;

/** Starts an app the way a fresh `npm start` did before issue 11: production, nothing configured. */
async function startUnconfigured(app: "crm" | "web"): Promise<{ started: true; origin: string; stop: () => Promise<void> } | { started: false; log: string }> {
  const saved = { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET, INTERNAL_API_TOKEN: process.env.INTERNAL_API_TOKEN };
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.INTERNAL_API_TOKEN;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unconfigured-"));
  try {
    const server = await startNextServer({
      app,
      databaseUrl: world.testDb.url,
      label: "unconfigured",
      env: { AUTH_DEMO_MODE: "1", DATA_DIR: dataDir, AUTH_ALLOWED_HOSTS: "*.test,*.test:*,127.0.0.1:*" },
    });
    return { started: true, origin: server.origin, stop: server.stop };
  } catch (error) {
    const logFile = /see (\S+)$/.exec((error as Error).message)?.[1];
    return { started: false, log: logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : String(error) };
  } finally {
    Object.assign(process.env, saved);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  world = await startOutsiderWorld({ database: "secrets", label: "secrets", apps: ["crm", "web"] });
  candidates = publishedSecretCandidates();
});
afterAll(async () => {
  await world?.stop("published secrets");
});

describe("published secrets", () => {
  it("finds the published secrets in the repository and its history", () => {
    const published = candidates.values.filter((v) => isPublishedSecret(v));
    world.notes.push(
      `secret candidates: ${candidates.values.length} (working tree ${candidates.fromTree}, history ${candidates.fromHistory}, better-auth ${candidates.fromPackages}), of them known published values ${published.length}`,
    );
    // The former auth default, the revalidation default and better-auth's fallback at least.
    expect(world.expectOr(published.length >= 3)).toBe(true);
  });

  it("a fresh install started without secrets in production refuses to start (CRM and website), naming the setting", async () => {
    for (const [app, name] of [
      ["crm", "BETTER_AUTH_SECRET"],
      ["web", "INTERNAL_API_TOKEN"],
    ] as const) {
      const result = await startUnconfigured(app);
      world.figures.probes++;
      if (result.started) {
        // It runs: then nothing published may be accepted by it (checked as on the configured servers).
        const accepted = app === "crm" ? await forgedAccepted(result.origin, world.tenant.crmHost) : await revalidationsAccepted(result.origin);
        await result.stop();
        world.notes.push(`unconfigured ${app}: started, accepted ${accepted} forged/published tokens`);
        expect(world.expectOr(accepted === 0)).toBe(true);
      } else {
        expect(world.expectOr(result.log.includes(`refusing to start: ${name} is not set`))).toBe(true);
      }
    }
  });

  it("rejects email-change, verification and session tokens signed with every candidate secret", async () => {
    const accepted = await forgedAccepted(world.servers.origins.crm!, world.tenant.crmHost);
    expect(world.expectOr(accepted === 0)).toBe(true);
  });

  it("refuses revalidation with every published token, on any host", async () => {
    const accepted = await revalidationsAccepted(world.servers.origins.web!);
    expect(world.expectOr(accepted === 0)).toBe(true);
  });
});

/** Forged tokens the CRM at `origin` accepted (0 is the only right answer). */
async function forgedAccepted(origin: string, host: string): Promise<number> {
  const victim = await world.staff(`victim.${crypto.randomBytes(3).toString("hex")}@alpha.test`);
  const signedIn = await signInWithPassword({ email: victim.email, password: STAFF_PASSWORD, headers: new Headers({ host: "localhost:3001" }) });
  if (!signedIn.ok) throw new Error(signedIn.message);
  const session = await world.testDb.db.session.findFirstOrThrow({ where: { userId: victim.id }, select: { token: true } });
  let accepted = 0;
  for (const secret of candidates.values) {
    const change = forgeJwt(secret, {
      email: victim.email,
      updateTo: `taken.${victim.id}@evil.test`,
      userId: victim.id,
      requestType: "change-email-verification",
    });
    const verify = forgeJwt(secret, { email: victim.email });
    for (const token of [change, verify]) {
      const res = await world.send(origin, "GET", `/api/auth/verify-email?token=${token}`, { host });
      if (res.status < 300) accepted++;
    }
    const cookie = forgeSignedCookie(secret, session.token);
    const res = await world.send(origin, "GET", "/api/auth/get-session", {
      host,
      headers: { cookie: `__Secure-re.session_token=${cookie}; re.session_token=${cookie}` },
    });
    if (res.status === 200 && res.body.includes(victim.id)) accepted++;
  }
  const after = await world.testDb.db.user.findUniqueOrThrow({ where: { id: victim.id }, select: { email: true, emailVerified: true } });
  if (after.email !== victim.email || after.emailVerified) accepted++;
  world.notes.push(
    `forged tokens at ${origin === world.servers.origins.crm ? "configured" : "unconfigured"} crm: ${candidates.values.length * 3} sent, ${accepted} accepted`,
  );
  return accepted;
}

/** Revalidations the website at `origin` accepted with published tokens (0 is the only right answer). */
async function revalidationsAccepted(origin: string): Promise<number> {
  let accepted = 0;
  let sent = 0;
  // A candidate no HTTP client can send as a header value (a placeholder such as `sk_live_…` in the
  // README) cannot reach the route; every other one is sent.
  const sendable = candidates.values.filter((v) => {
    try {
      http.validateHeaderValue("x-internal-token", v);
      return true;
    } catch {
      return false;
    }
  });
  for (const token of sendable) {
    for (const host of [world.tenant.webHost, "localhost", "127.0.0.1"]) {
      const res = await world.send(origin, "POST", "/api/internal/revalidate", {
        host,
        json: { tenantId: world.tenant.tenantId },
        headers: { "x-internal-token": token },
      });
      sent++;
      if (res.status < 300) accepted++;
    }
  }
  world.notes.push(
    `revalidation with published tokens: ${sent} sent, ${accepted} accepted (${candidates.values.length - sendable.length} candidates cannot be a header value)`,
  );
  return accepted;
}
