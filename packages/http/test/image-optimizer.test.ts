// Next.js's image optimizer (`/_next/image`) is answered 404 by the request front: no app shows
// images through next/image, and left open it fetched and re-encoded the app's own files and
// pages for any client. The app behind the front here answers every request it is handed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startTestFront, type TestFront } from "./support/test-front";

let front: TestFront;
const reached: string[] = [];

beforeAll(async () => {
  front = await startTestFront({
    handle: async (req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "image/x-icon" });
      res.end("image bytes");
    },
  });
});
afterAll(() => front.close());

const raw = (method: string, target: string) => rawRequest(front.port, method, target);

describe("Next.js's image optimizer", () => {
  it("answers /_next/image 404 for any method and spelling, never handing it to the app", async () => {
    reached.length = 0;
    const targets = [
      "/_next/image?url=%2Ffavicon.ico&w=3840&q=75",
      "/_next/image?url=/sign-in&w=3840&q=100",
      "/_next/image",
      "/_next/image/?url=/favicon.ico&w=64&q=75",
      "/_next/imagex?url=/favicon.ico&w=64&q=75",
      "/x/../_next/image?url=/favicon.ico&w=64&q=75",
      "/x/%2e%2e/_next/image?url=/favicon.ico&w=64&q=75",
      "/_next/%69mage?url=/favicon.ico&w=64&q=75",
      "http://a.localhost/_next/image?url=/favicon.ico&w=64&q=75",
    ];
    for (const target of targets) {
      for (const method of ["GET", "HEAD", "POST"]) {
        const r = await raw(method, target);
        expect([method, target, r.status]).toEqual([method, target, 404]);
        expect(r.head).toContain("cache-control: no-store");
        expect(r.head).not.toContain("image/");
        if (method !== "HEAD") expect(r.body).toContain(`{"error":"not_found"}`);
      }
    }
    expect(reached).toEqual([]);
    expect(front.logs.filter((e) => e.level === "error")).toEqual([]);
  });

  it("still hands the app's other /_next/ paths and look-alike pages to the app", async () => {
    reached.length = 0;
    for (const target of ["/_next/static/media/favicon.ico", "/images/_next/image"]) expect([target, (await raw("GET", target)).status]).toEqual([target, 200]);
    expect(reached).toEqual(["GET /_next/static/media/favicon.ico", "GET /images/_next/image"]);
  });
});
