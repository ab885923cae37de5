// The app server's malloc arenas (decision 0112): every start of the three apps (their `npm start`,
// the platform's `npm start` / `start:prod`, the bench, the quality audit) runs the launcher,
// bin/real-estate-serve.mjs, which re-executes itself, same pid and node flags, with
// MALLOC_ARENA_MAX in its environment on Linux with glibc.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { mallocArenaEnvironment, SERVER_MALLOC_ARENA_MAX } from "../src/serve/malloc-arenas";

const SERVE_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "real-estate-serve.mjs");

describe("mallocArenaEnvironment", () => {
  it("adds MALLOC_ARENA_MAX=2 on Linux with glibc, keeping the rest of the environment", () => {
    expect(SERVER_MALLOC_ARENA_MAX).toBe("2");
    expect(mallocArenaEnvironment({ PORT: "3000" }, "linux", () => true)).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2" });
  });

  it("leaves the environment alone elsewhere, without glibc, or when MALLOC_ARENA_MAX is already set", () => {
    expect(mallocArenaEnvironment({}, "darwin", () => true)).toBeNull();
    expect(mallocArenaEnvironment({}, "win32", () => true)).toBeNull();
    expect(mallocArenaEnvironment({}, "linux", () => false)).toBeNull();
    expect(mallocArenaEnvironment({ MALLOC_ARENA_MAX: "4" }, "linux", () => true)).toBeNull();
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Seen = { pid: number; arenaMax: string | null; execArgv: string[]; argv: string[] };

/**
 * Starts the launcher as the apps' start scripts do (`node <flags> real-estate-serve.mjs …`), with a
 * `--ready` module that reports the server process's pid, environment and arguments, then stops it.
 */
async function serverProcess(env: NodeJS.ProcessEnv): Promise<{ childPid: number; seen: Seen }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malloc-arenas-"));
  dirs.push(dir);
  const report = path.join(dir, "seen.json");
  const probe = path.join(dir, "probe.mjs");
  fs.writeFileSync(
    probe,
    `import fs from "node:fs";
export default () => {
  fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ pid: process.pid, arenaMax: process.env.MALLOC_ARENA_MAX ?? null, execArgv: process.execArgv, argv: process.argv.slice(2) }));
  throw new Error("probe done");
};
`,
  );
  const args = ["--max-semi-space-size=16", SERVE_BIN, dir, "-p", "0", "--ready", probe];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(stderr).toContain("probe done");
  expect(code).toBe(1);
  return { childPid: child.pid!, seen: JSON.parse(fs.readFileSync(report, "utf8")) as Seen };
}

describe.runIf(process.platform === "linux")("the app server's launcher", () => {
  const baseEnv = () => {
    const env = { ...process.env };
    delete env.MALLOC_ARENA_MAX;
    delete env.NODE_OPTIONS;
    return env;
  };

  it("runs the server with MALLOC_ARENA_MAX=2, in the process it was started as, with its node flags and arguments", async () => {
    const { childPid, seen } = await serverProcess(baseEnv());
    expect(seen.arenaMax).toBe("2");
    expect(seen.pid).toBe(childPid);
    expect(seen.execArgv).toContain("--max-semi-space-size=16");
    expect(seen.argv.slice(1, 3)).toEqual(["-p", "0"]);
  }, 30_000);

  it("keeps a MALLOC_ARENA_MAX the operator set", async () => {
    const { childPid, seen } = await serverProcess({ ...baseEnv(), MALLOC_ARENA_MAX: "4" });
    expect(seen.arenaMax).toBe("4");
    expect(seen.pid).toBe(childPid);
  }, 30_000);
});
