import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_REQUEST_BYTES } from "@real-estate/http/body-cap";
import { nginxAvailable, renderNginxConfig, startNginx } from "../src";
import { rawPost } from "./support/raw-post";
import { startStandInEdge, type StandInEdge } from "./support/stand-in-edge";

// The edge's body cap is the app server's (decision 0116, amended): APP_MAX_REQUEST_BYTES, read
// as the app server reads it, default 2 MiB. nginx runs in front of a stand-in app with a cap of
// 64 KiB set the way an operator sets it.
const WEB_PORT = 26471;
const CRM_PORT = 26472;
const CAP = 64 * 1024;
/** The web port of an nginx that must not start (the last test). */
const REFUSED_PORT = 26473;

const base = { prefix: "/tmp/edge", cacheDir: "/tmp/edge/cache", webPort: 1, webUpstreams: [2], crmPort: 3, crmUpstreams: [4] };

describe("the edge's body cap in the rendered configuration", () => {
  it("is the app server's default unless given, in bytes", () => {
    expect(renderNginxConfig(base).match(/^\s*client_max_body_size .*$/gm)).toEqual([`  client_max_body_size ${DEFAULT_MAX_REQUEST_BYTES};`]);
    expect(renderNginxConfig({ ...base, maxBodyBytes: CAP }).match(/^\s*client_max_body_size .*$/gm)).toEqual([`  client_max_body_size ${CAP};`]);
  });
});

const seen: string[] = [];

describe.skipIf(!nginxAvailable() && !process.env.CI)("the edge's body cap follows APP_MAX_REQUEST_BYTES (nginx)", () => {
  let edge: StandInEdge | undefined;
  const before = process.env.APP_MAX_REQUEST_BYTES;

  beforeAll(async () => {
    process.env.APP_MAX_REQUEST_BYTES = String(CAP);
    edge = await startStandInEdge({
      label: "body-cap",
      webPort: WEB_PORT,
      crmPort: CRM_PORT,
      handle: (req, res) => {
        let bytes = 0;
        req.on("data", (chunk: Buffer) => (bytes += chunk.length));
        req.on("end", () => {
          seen.push(`${req.method} ${req.url} ${bytes}`);
          res.writeHead(200, { "cache-control": "no-store" }).end("ok");
        });
      },
    });
  });

  afterAll(async () => {
    await edge?.stop();
    if (before === undefined) delete process.env.APP_MAX_REQUEST_BYTES;
    else process.env.APP_MAX_REQUEST_BYTES = before;
  });

  it("passes a body of the configured cap on both ports, and refuses one byte more with 413 before the app is asked", async () => {
    for (const port of [WEB_PORT, CRM_PORT]) {
      expect(await rawPost(port, `/api/at-cap?port=${port}`, CAP, CAP), String(port)).toBe(200);
      expect(await rawPost(port, `/api/over-cap?port=${port}`, CAP + 1, 1024), String(port)).toBe(413);
    }
    expect(seen).toEqual([`POST /api/at-cap?port=${WEB_PORT} ${CAP}`, `POST /api/at-cap?port=${CRM_PORT} ${CAP}`]);
  });

  it("does not start on a value the app server refuses", async () => {
    process.env.APP_MAX_REQUEST_BYTES = "2MB";
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "edge-body-cap-refused-"));
    try {
      const started = await startNginx({ prefix, cacheDir: path.join(prefix, "cache"), webPort: REFUSED_PORT, webUpstreams: [WEB_PORT], workers: 1 }).catch(
        (error: unknown) => error as Error,
      );
      if (!(started instanceof Error)) await started.stop();
      expect(started instanceof Error ? started.message : "nginx started").toMatch(/APP_MAX_REQUEST_BYTES must be a positive whole number/);
    } finally {
      process.env.APP_MAX_REQUEST_BYTES = String(CAP);
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });
});
