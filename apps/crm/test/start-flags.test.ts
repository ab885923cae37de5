import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The CRM server's node flags (decision 0070) are declared once, as `serverNodeFlags`, which the
// platform's start and the bench read; the app's own start script must pass the same ones.
const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "package.json"), "utf8")) as {
  serverNodeFlags: string[];
  scripts: { start: string };
};

describe("the CRM server's node flags", () => {
  it("are passed by the app's start script, before the app server's script", () => {
    expect(manifest.serverNodeFlags).toEqual(["--max-semi-space-size=16"]);
    const [node, ...rest] = manifest.scripts.start.split(" ");
    expect(node).toBe("node");
    const script = rest.findIndex((arg) => arg.endsWith("real-estate-serve.mjs"));
    expect(script).toBeGreaterThan(-1);
    expect(rest.slice(0, script)).toEqual(manifest.serverNodeFlags);
  });
});
