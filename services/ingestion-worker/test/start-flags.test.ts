// The worker's node flags (decision 0074) are declared once, as `serverNodeFlags` in its
// package.json, which `npm start`, the bench and the fault tests read. Its `drain` script, the
// production start (`npm run worker:ingestion:drain`), passes the same ones through tsx, and the
// node process that runs the worker starts with them (its command line, read from /proc).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { serverNodeFlags, tsxScriptNodeFlags } from "@real-estate/http/node-flags";
import { useTestDatabase } from "@real-estate/db/testing";

const testDb = useTestDatabase("workerflags");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The pids of a process and all its descendants (Linux). */
function processTree(pid: number): number[] {
  const seen: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    seen.push(p);
    for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
      const children = fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    }
  }
  return seen;
}

function commandLine(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the ingestion worker's node flags", () => {
  it("are 16 MB semi-spaces and a 30 % old-generation growing factor, passed by the drain script too", () => {
    expect(serverNodeFlags(root)).toEqual(["--max-semi-space-size=16", "--heap-growing-percent=30"]);
    expect(tsxScriptNodeFlags(root, "drain")).toEqual(serverNodeFlags(root));
  });

  // `npm run drain` loads npm, tsx and the Prisma client: allow for a busy machine.
  it.runIf(process.platform === "linux")(
    "reach the node process that runs the worker when it starts through `npm run drain`",
    { timeout: 120_000 },
    async () => {
      const child = spawn("npm", ["run", "drain"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: testDb().url, METRICS_PORT: "off", NODE_OPTIONS: "" },
        detached: true,
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      cleanups.push(async () => {
        if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
        await exited;
      });
      const deadline = Date.now() + 100_000;
      while (!output.includes('"msg":"draining"')) {
        if (child.exitCode !== null) throw new Error(`npm run drain exited (${child.exitCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`the worker did not start draining:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      // npm -> sh -> tsx's command line -> the node process tsx starts with its loader and the script.
      const workers = processTree(child.pid!)
        .map(commandLine)
        .filter((args) => path.basename(args[0] ?? "") === "node" && args.includes("--import") && args.at(-1)?.endsWith("src/bin/drain.ts") === true);
      expect(workers).toHaveLength(1);
      const nodeOptions = workers[0]!.slice(1, -1);
      for (const flag of serverNodeFlags(root)) expect(nodeOptions).toContain(flag);
    },
  );
});
