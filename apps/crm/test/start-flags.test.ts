import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serverNodeFlags, startScriptNodeFlags } from "@real-estate/http/node-flags";

// The CRM server's node flags (decision 0070) are declared once, as `serverNodeFlags`, which the
// platform's start and the bench read; the app's own start script must pass the same ones.
const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("the CRM server's node flags", () => {
  it("are 16 MB semi-spaces, passed by the app's start script too", () => {
    expect(serverNodeFlags(appDir)).toEqual(["--max-semi-space-size=16"]);
    expect(startScriptNodeFlags(appDir)).toEqual(serverNodeFlags(appDir));
  });
});
