import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { afterEach, describe, expect, it, vi } from "vitest";
import config from "../next.config";

// How much of its memory an instance gives rendered pages (next.config.ts's cacheMaxMemorySize):
// alone, its page cache; beside the cache shared in Redis, only its own copy (cache-handler.mjs).
const MB = 1024 * 1024;

describe("the website's in-memory page cache size", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is the instance's page cache without Redis: WEB_PAGE_CACHE_MB, 16 MB by default", () => {
    vi.stubEnv("REDIS_URL", "");
    vi.stubEnv("WEB_PAGE_CACHE_MB", "");
    vi.stubEnv("WEB_PAGE_CACHE_LOCAL_MB", "8");
    expect(config(PHASE_PRODUCTION_SERVER).cacheHandler).toBeUndefined();
    expect(config(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(16 * MB);
    vi.stubEnv("WEB_PAGE_CACHE_MB", "256");
    expect(config(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(256 * MB);
    vi.stubEnv("WEB_PAGE_CACHE_MB", "0.5");
    expect(config(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(0.5 * MB);
  });

  it("is only the instance's own copy beside Redis: WEB_PAGE_CACHE_LOCAL_MB, 32 MB by default", () => {
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:6379");
    vi.stubEnv("WEB_PAGE_CACHE_MB", "256");
    vi.stubEnv("WEB_PAGE_CACHE_LOCAL_MB", "");
    const shared = config(PHASE_PRODUCTION_SERVER);
    expect(shared.cacheHandler).toMatch(/cache-handler\.mjs$/);
    expect(shared.cacheMaxMemorySize).toBe(32 * MB);
    vi.stubEnv("WEB_PAGE_CACHE_LOCAL_MB", "0");
    expect(config(PHASE_PRODUCTION_SERVER).cacheMaxMemorySize).toBe(0);
    // A build never uses the shared cache.
    expect(config(PHASE_PRODUCTION_BUILD).cacheMaxMemorySize).toBe(256 * MB);
  });

  it("refuses a size that is not a number of MB, naming the variable", () => {
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:6379");
    for (const bad of ["-1", "lots", "12MB"]) {
      vi.stubEnv("WEB_PAGE_CACHE_LOCAL_MB", bad);
      expect(() => config(PHASE_PRODUCTION_SERVER)).toThrow(/WEB_PAGE_CACHE_LOCAL_MB must be a number of MB/);
    }
    vi.stubEnv("REDIS_URL", "");
    vi.stubEnv("WEB_PAGE_CACHE_MB", "lots");
    expect(() => config(PHASE_PRODUCTION_SERVER)).toThrow(/WEB_PAGE_CACHE_MB must be a number of MB/);
  });
});
