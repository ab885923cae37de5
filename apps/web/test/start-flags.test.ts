import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serverNodeFlags, startScriptNodeFlags } from "@real-estate/http/node-flags";

// The website server's node flags (decisions 0070, 0073, 0076) are declared once, as `serverNodeFlags`, which the
// platform's start and the bench read; the app's own start script must pass the same ones.
const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("the website server's node flags", () => {
  it("are 16 MB semi-spaces and a 30 % old-generation growing factor, passed by the app's start script too", () => {
    expect(serverNodeFlags(appDir)).toEqual(["--max-semi-space-size=16", "--heap-growing-percent=30"]);
    expect(startScriptNodeFlags(appDir)).toEqual(serverNodeFlags(appDir));
  });
});
