import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertSecretsConfigured, configuredSecret, ensureLocalSecrets, localSecretsPath } from "../src/secrets/configured-secret";

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-secrets-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("install secrets", () => {
  it("development: generated on first use, file readable only by the owner, reused afterwards", () => {
    const env = { NODE_ENV: "development", DATA_DIR: path.join(tempDataDir(), ".data") };
    const auth = configuredSecret("BETTER_AUTH_SECRET", env);
    const token = configuredSecret("INTERNAL_API_TOKEN", env);
    expect(auth).toMatch(/^[\w-]{43}$/);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(auth).not.toBe(token);
    expect(fs.statSync(localSecretsPath(env)).mode & 0o777).toBe(0o600);
    // The folder made for it can be passed through (the embedded PostgreSQL's folder is inside), not listed.
    expect(fs.statSync(path.dirname(localSecretsPath(env))).mode & 0o777).toBe(0o711);
    expect(configuredSecret("BETTER_AUTH_SECRET", env)).toBe(auth);
    expect(ensureLocalSecrets(env)).toEqual({ BETTER_AUTH_SECRET: auth, INTERNAL_API_TOKEN: token });
    // Another install gets other secrets.
    expect(configuredSecret("BETTER_AUTH_SECRET", { NODE_ENV: "development", DATA_DIR: tempDataDir() })).not.toBe(auth);
  });

  it("several processes starting at once agree on one set", async () => {
    const dir = tempDataDir();
    const script = `import { ensureLocalSecrets } from ${JSON.stringify(path.resolve(__dirname, "../src/secrets/local-secrets.ts"))}; console.log(ensureLocalSecrets({ DATA_DIR: ${JSON.stringify(dir)} }).BETTER_AUTH_SECRET);`;
    const tsx = path.resolve(__dirname, "../../../node_modules/.bin/tsx");
    const runs = await Promise.all(Array.from({ length: 3 }, () => promisify(execFile)(tsx, ["-e", script], { encoding: "utf8" })));
    expect(new Set(runs.map((r) => r.stdout.trim())).size).toBe(1);
  });

  it("production: never generated, a readable refusal naming every missing secret", () => {
    const env = { NODE_ENV: "production", DATA_DIR: tempDataDir() };
    expect(() => assertSecretsConfigured(["BETTER_AUTH_SECRET", "INTERNAL_API_TOKEN"], env)).toThrow(
      /refusing to start: BETTER_AUTH_SECRET is not set.*; INTERNAL_API_TOKEN is not set/,
    );
    expect(fs.existsSync(localSecretsPath(env))).toBe(false);
    expect(() => configuredSecret("INTERNAL_API_TOKEN", { ...env, INTERNAL_API_TOKEN: "too-short" })).toThrow(/at least 32 characters/);
    const own = "k".repeat(40);
    expect(configuredSecret("INTERNAL_API_TOKEN", { ...env, INTERNAL_API_TOKEN: own })).toBe(own);
  });
});
