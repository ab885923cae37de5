import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serverNodeFlags, startScriptNodeFlags, tsxScriptNodeFlags } from "../src/serve/node-flags";

const dirs: string[] = [];
function appWith(manifest: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "node-flags-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("serverNodeFlags", () => {
  it("returns the app's declared flags in order", () => {
    expect(serverNodeFlags(appWith({ serverNodeFlags: ["--max-semi-space-size=16", "--enable-source-maps"] }))).toEqual([
      "--max-semi-space-size=16",
      "--enable-source-maps",
    ]);
  });

  it("returns none when the app declares none", () => {
    expect(serverNodeFlags(appWith({ name: "x" }))).toEqual([]);
  });

  it("refuses anything that is not a list of --flags (a script path, a value with spaces, a string)", () => {
    for (const bad of [["--ok", "script.js"], ["--max-semi-space-size=16 --require=x.js"], "--max-semi-space-size=16", [16]]) {
      expect(() => serverNodeFlags(appWith({ serverNodeFlags: bad }))).toThrow(/serverNodeFlags must be a list of --flags/);
    }
  });
});

describe("startScriptNodeFlags", () => {
  const serve = "../../packages/http/bin/real-estate-serve.mjs -p 3001 --metrics-port 9466";
  it("returns the flags before the app server's script", () => {
    expect(startScriptNodeFlags(appWith({ scripts: { start: `node --max-semi-space-size=16 ${serve}` } }))).toEqual(["--max-semi-space-size=16"]);
    expect(startScriptNodeFlags(appWith({ scripts: { start: `node ${serve}` } }))).toEqual([]);
  });

  it("returns none for the real-estate-serve bin", () => {
    expect(startScriptNodeFlags(appWith({ scripts: { start: "real-estate-serve -p 3000" } }))).toEqual([]);
  });

  it("refuses a start script that does not run the app server, or none", () => {
    expect(() => startScriptNodeFlags(appWith({ scripts: { start: "next start -p 3000" } }))).toThrow(/does not run the app server/);
    expect(() => startScriptNodeFlags(appWith({ scripts: { start: "node --max-semi-space-size=16 server.js" } }))).toThrow(/does not run the app server/);
    expect(() => startScriptNodeFlags(appWith({ name: "x" }))).toThrow(/no start script/);
  });
});

describe("tsxScriptNodeFlags", () => {
  it("returns the flags tsx passes to node before the script's file", () => {
    const dir = appWith({ scripts: { drain: "tsx --max-semi-space-size=16 --heap-growing-percent=30 src/bin/drain.ts", once: "tsx src/bin/once.ts" } });
    expect(tsxScriptNodeFlags(dir, "drain")).toEqual(["--max-semi-space-size=16", "--heap-growing-percent=30"]);
    expect(tsxScriptNodeFlags(dir, "once")).toEqual([]);
  });

  it("refuses a script that does not run a file through tsx, or none", () => {
    const dir = appWith({ scripts: { node: "node --max-semi-space-size=16 src/bin/drain.ts", watch: "tsx watch src/bin/drain.ts", bare: "tsx --inspect" } });
    for (const name of ["node", "watch", "bare"]) expect(() => tsxScriptNodeFlags(dir, name)).toThrow(/does not run a file through tsx/);
    expect(() => tsxScriptNodeFlags(dir, "drain")).toThrow(/no drain script/);
  });
});
