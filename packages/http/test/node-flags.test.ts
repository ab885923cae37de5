import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serverNodeFlags } from "../src/serve/node-flags";

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
