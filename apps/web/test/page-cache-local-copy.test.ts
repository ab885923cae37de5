import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- plain JavaScript that Next.js loads as the cache handler; no declarations.
import SharedCacheHandler from "../cache-handler.mjs";

// The instance's own copy of Next.js's cache (cache-handler.mjs) holds at most the size that
// next.config.ts gives as `cacheMaxMemorySize`, which Next.js hands every handler it creates.
// Without REDIS_URL the handler keeps only that copy, so what it still answers shows the bound.
// (The library configures itself once per process: one size per test file.)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-page-cache-"));
fs.mkdirSync(path.join(dir, "server"));
fs.writeFileSync(path.join(dir, "BUILD_ID"), "test-build");
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A cached read of about 20 KB (stored as JSON). */
const entry = (n: number) => ({ kind: "FETCH", data: { headers: {}, body: `${n}:`.padEnd(20_000, "x"), status: 200, url: `/read/${n}` }, revalidate: 300 });

describe("the instance's own copy of the page cache", () => {
  it("keeps no more than the size Next.js hands the handler", async () => {
    vi.stubEnv("REDIS_URL", "");
    const handler = new SharedCacheHandler({ serverDistDir: path.join(dir, "server"), dev: false, maxMemoryCacheSize: 100 * 1024 });
    for (let n = 0; n < 10; n++) await handler.set(`read-${n}`, entry(n), { tags: [] });
    const kept = [];
    for (let n = 0; n < 10; n++) if (await handler.get(`read-${n}`, { softTags: [] })) kept.push(n);
    // 100 KB holds the five most recent entries of about 20 KB, not all ten.
    expect(kept).toEqual([5, 6, 7, 8, 9]);
  });
});
