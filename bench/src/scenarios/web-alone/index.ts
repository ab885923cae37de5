// The website alone, as `npm start` runs it: one instance, no nginx in front, no Redis, so its
// in-memory page cache (WEB_PAGE_CACHE_MB, apps/web/next.config.ts) is the only page cache. For
// each page cache size: a fresh instance crawled over every distinct page (each rendered once),
// then over the same pages again in another order: its memory against idle, both passes' rates,
// and how much of the second pass its page cache served.
import { seedDemoData } from "@real-estate/demo";
import { fmt, log, type BenchContext } from "../../lib/context";
import { figure, type Figure, type ScenarioResult } from "../../lib/figures";
import { httpRequest } from "../../lib/http";
import { ensureBuilt } from "../../lib/next-app";
import { openPlatformDb } from "../../lib/platform-db";
import { PORTS } from "../../lib/sizes";
import { crawl, crawlTargets, servedFromCache, startInstance, type Crawled } from "../edge/edge-fixtures";
import { pickTargets } from "../pages";

/** The app's own memory figures (prom-client's defaults on its metrics listener), in MB. */
type MemorySplit = { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number };

const METRICS: Record<keyof MemorySplit, string> = {
  rssMb: "process_resident_memory_bytes",
  heapUsedMb: "nodejs_heap_size_used_bytes",
  heapTotalMb: "nodejs_heap_size_total_bytes",
  externalMb: "nodejs_external_memory_bytes",
};

async function memorySplit(port: number): Promise<MemorySplit | null> {
  try {
    const { status, body } = await httpRequest({ port, host: "127.0.0.1", path: "/metrics", timeoutMs: 5_000 });
    if (status !== 200) return null;
    const out = {} as MemorySplit;
    for (const [key, name] of Object.entries(METRICS) as [keyof MemorySplit, string][]) {
      const line = body.split("\n").find((l) => l.startsWith(`${name} `));
      if (!line) return null;
      out[key] = Math.round(Number(line.split(" ")[1]) / 1024 / 1024);
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * The page cache sizes to measure, in order: BENCH_WEB_ALONE_PAGE_CACHE_MB="256,64,32" (MB, or
 * "default" for the app's own default); unset: the default only.
 */
export function pageCacheSizes(raw: string | undefined): (string | undefined)[] {
  if (!raw?.trim()) return [undefined];
  return raw.split(",").map((part) => {
    const v = part.trim();
    if (v === "default") return undefined;
    if (!/^\d+$/.test(v)) throw new Error(`BENCH_WEB_ALONE_PAGE_CACHE_MB: "${v}" is neither a whole number of MB nor "default"`);
    return v;
  });
}

/** The same pages in another order, the same one every run (a seeded shuffle). */
function reordered<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 20;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const describeCrawl = (c: Crawled, pages: number) =>
  `${fmt(c.ok)} of ${fmt(pages)} answered 200 in ${fmt(c.seconds, 1)} s (${fmt(c.ok / c.seconds)} pages/s), from its page cache ${fmt(servedFromCache(c))} ${JSON.stringify(c.cache)}${Object.keys(c.other).length ? `, others ${JSON.stringify(c.other)}` : ""}`;

export async function runWebAloneScenario(ctx: BenchContext): Promise<Omit<ScenarioResult, "seconds">> {
  const sizes = pageCacheSizes(process.env.BENCH_WEB_ALONE_PAGE_CACHE_MB);
  ensureBuilt("web", { rebuild: ctx.args.rebuild });
  const p = await openPlatformDb("web_alone");
  try {
    await seedDemoData({ db: p.db, log: () => undefined });
    const { host } = await pickTargets(p);
    const pages = await crawlTargets(p, ctx.args.quick ? 300 : 1_500);
    const metricsPort = PORTS.web2;
    const figures: Figure[] = [];
    const runs: Record<string, unknown>[] = [];
    for (const size of sizes) {
      const label = size ? `${size} MB` : "default";
      const instance = await startInstance(PORTS.web, p.url, host, size, { APP_METRICS_PORT: String(metricsPort) });
      try {
        instance.rss.markIdle();
        const idle = await memorySplit(metricsPort);
        // The app's own split, sampled through both passes; the sample of the highest RSS is kept.
        let atPeak: MemorySplit | null = idle;
        const sampler = setInterval(() => {
          void memorySplit(metricsPort).then((m) => {
            if (m && (!atPeak || m.rssMb > atPeak.rssMb)) atPeak = m;
          });
        }, 1_000);
        let first: Crawled;
        let again: Crawled;
        try {
          first = await crawl(pages, 16, PORTS.web);
          again = await crawl(reordered(pages), 16, PORTS.web);
        } finally {
          clearInterval(sampler);
        }
        const rss = instance.rss.stop();
        log(`page cache ${label}, first pass: ${describeCrawl(first, pages.length)}`);
        log(`page cache ${label}, second pass: ${describeCrawl(again, pages.length)}`);
        const split = (m: MemorySplit | null) =>
          m ? `RSS ${m.rssMb} MB (heap used ${m.heapUsedMb} of ${m.heapTotalMb} MB, external ${m.externalMb} MB)` : "no metrics";
        log(`page cache ${label}: RSS idle -> peak ${fmt(rss.idleMb ?? 0)} -> ${fmt(rss.peakMb)} MB; idle ${split(idle)}; at peak ${split(atPeak)}`);
        const name = `website alone (no nginx, no Redis), page cache ${label}`;
        figures.push(
          figure({
            scenario: "memory",
            name: `${name}: peak RSS`,
            unit: "MB",
            better: "lower",
            value: rss.peakMb,
            baseline: { label: "same instance idle after start", value: rss.idleMb },
            goal: { text: "<= 1.5 x idle", ratioAtMost: 1.5 },
            note: `${fmt(pages.length)} distinct pages crawled twice`,
          }),
          figure({
            scenario: "web-alone",
            name: `${name}: second pass pages/s`,
            unit: "pages/s",
            better: "higher",
            value: again.ok / again.seconds,
            baseline: { label: "first pass (every page rendered)", value: first.ok / first.seconds },
            note: `served from its page cache: ${fmt((100 * servedFromCache(again)) / pages.length, 1)} % of the second pass`,
          }),
        );
        runs.push({ pageCacheMb: size ?? "default", first, again, rss, memoryIdle: idle, memoryAtPeak: atPeak });
      } finally {
        instance.rss.stop();
        await instance.server.stop();
      }
    }
    return { scenario: "web-alone", figures, details: { host, pages: pages.length, runs } };
  } finally {
    await p.close();
  }
}
