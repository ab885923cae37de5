// npm run audit:lighthouse -- [--origin http://fairfield.localhost:3500] [--pages /,/homes,...]
//   [--runs 3] [--form-factor mobile|desktop] [--save <dir>] [--baseline <origin>]
// Lighthouse alone, on chosen pages of the website, each run several times (median and spread):
// the quick loop for page speed that the full `npm run audit:quality` is too slow for. Without
// --origin it starts the platform as the audit does (production builds, --port-offset, default
// 500; DATABASE_URL when set) and stops it at the end. --pages takes paths and the page types
// `/homes/:x`, `/towns/:x`, `/towns/:x/:x`, resolved to the first such link found on the site;
// the default is every public page type of the website. Each run prints what cost the
// performance points (metrics, the LCP element, long scripts); --save keeps every report's JSON.
// --baseline names a second server of the same site (another build): its runs alternate with
// the first's, page by page, and the table prints both, measured under the same conditions.
// --all-categories also scores accessibility, best practices and SEO (printed with each run).
// Measure on a quiet machine: the score follows the load (the table prints the load average).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "@real-estate/http/testing";
import { runLighthouse, type FormFactor } from "./lighthouse-audit";
import { pageType } from "./axe-audit";
import { startPlatform, type RunningPlatform } from "./start-platform";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { values } = parseArgs({
  options: {
    origin: { type: "string" },
    "port-offset": { type: "string", default: process.env.AUDIT_PORT_OFFSET ?? "500" },
    pages: {
      type: "string",
      default: "/,/homes,/homes/:x,/towns,/towns/:x,/towns/:x/:x,/contact,/home-value,/sign-in,/sign-up,/forgot-password",
    },
    runs: { type: "string", default: "3" },
    "form-factor": { type: "string", default: "mobile" },
    save: { type: "string" },
    baseline: { type: "string" },
    "all-categories": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const formFactor = values["form-factor"] as FormFactor;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);
if (formFactor !== "mobile" && formFactor !== "desktop") throw new Error(`--form-factor must be mobile or desktop, got ${formFactor}`);
const offset = Number(values["port-offset"]);
const debuggingPort = Number(process.env.AUDIT_DEBUGGING_PORT) || 9322 + offset;
const log = (line: string) => console.log(line);

function getHtml(origin: string, pathname: string): Promise<string> {
  const u = new URL(pathname, origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: u.port, path: u.pathname, headers: { host: u.host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A concrete path for each asked page: a path as given, a page type (`/homes/:x`) as the first link of that type. */
async function resolvePages(origin: string, asked: string[]): Promise<string[]> {
  const found = new Map<string, string>();
  for (const start of ["/", "/homes", "/towns"]) {
    const html = await getHtml(origin, start);
    for (const [, href] of html.matchAll(/href="(\/[^"?#]*)"/g)) {
      const type = pageType(href!);
      if (!found.has(type)) found.set(type, href!);
    }
  }
  // A neighbourhood link lives on a town's page.
  const town = found.get("/towns/:x");
  if (town) {
    for (const [, href] of (await getHtml(origin, town)).matchAll(/href="(\/towns\/[^"?#/]+\/[^"?#/]+)"/g)) {
      if (!found.has("/towns/:x/:x")) found.set("/towns/:x/:x", href!);
    }
  }
  return asked.map((p) => {
    if (!p.includes(":x")) return p;
    const concrete = found.get(p);
    if (!concrete) throw new Error(`no link of the page type ${p} on the site`);
    return concrete;
  });
}

type Numbers = { score: number; fcp: number; lcp: number; tbt: number; cls: number; si: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

let platform: RunningPlatform | null = null;
let origin = values.origin;
if (!origin) {
  log(`audit:lighthouse: starting the platform (port offset ${offset})...`);
  platform = await startPlatform({ root, offset, databaseUrl: process.env.DATABASE_URL, log });
  origin = `http://fairfield.localhost:${platform.ports.web}`;
}
const summary: { origin: string; page: string; scores: number[]; numbers: Numbers[] }[] = [];
const loadStart = os.loadavg();
try {
  const pages = await resolvePages(origin, values.pages.split(",").filter(Boolean));
  const browser = await launchChromium({ extraArgs: [`--remote-debugging-port=${debuggingPort}`] });
  try {
    const origins = values.baseline ? [origin, values.baseline] : [origin];
    for (const page of pages) {
      const entries = origins.map((o) => ({ origin: o, page, scores: [] as number[], numbers: [] as Numbers[] }));
      summary.push(...entries);
      for (let i = 0; i < runs; i++) {
        for (const entry of entries) {
          const run = await runLighthouse(`${entry.origin}${page}`, formFactor, debuggingPort, {
            categories: values["all-categories"] ? undefined : ["performance"],
          });
          const a = run.lhr.audits;
          const n: Numbers = {
            score: run.scores.performance,
            fcp: a["first-contentful-paint"]?.numericValue ?? NaN,
            lcp: a["largest-contentful-paint"]?.numericValue ?? NaN,
            tbt: a["total-blocking-time"]?.numericValue ?? NaN,
            cls: a["cumulative-layout-shift"]?.numericValue ?? NaN,
            si: a["speed-index"]?.numericValue ?? NaN,
          };
          entry.scores.push(n.score);
          entry.numbers.push(n);
          log(
            `${entry.origin}${page} run ${i + 1}: perf ${n.score} · FCP ${Math.round(n.fcp)} ms · LCP ${Math.round(n.lcp)} ms · TBT ${Math.round(n.tbt)} ms · CLS ${n.cls.toFixed(3)} · SI ${Math.round(n.si)} ms`,
          );
          // The report read as plain data: only the few fields printed here.
          if (values["all-categories"]) log(`    scores ${JSON.stringify(run.scores)}`);
          if (i === 0) for (const line of explain(run.lhr as unknown as LhrLike)) log(`    ${line}`);
          if (values.save) {
            fs.mkdirSync(values.save, { recursive: true });
            const name = `${formFactor}-${new URL(entry.origin).port}-${page.replace(/[^a-z0-9]+/gi, "_") || "_"}-${i + 1}.json`;
            fs.writeFileSync(path.join(values.save, name), JSON.stringify(run.lhr));
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await platform?.stop();
}
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
log(`\nLighthouse ${formFactor} performance, ${runs} run(s) per page, load ${load(loadStart)} at the start, ${load(os.loadavg())} at the end`);
log("| server | page | median | runs | LCP median (ms) | TBT median (ms) | CLS median |");
log("|---|---|---|---|---|---|---|");
for (const s of summary) {
  const m = (k: keyof Numbers) => median(s.numbers.map((n) => n[k]));
  log(
    `| ${s.origin === origin ? "measured" : "baseline"} | ${s.page} | ${median(s.scores)} | ${s.scores.join(", ")} | ${Math.round(m("lcp"))} | ${Math.round(m("tbt"))} | ${m("cls").toFixed(3)} |`,
  );
}

/** What cost a run its points: the performance audits under full score, the LCP element and the scripts that ran longest. */
function explain(lhr: LhrLike): string[] {
  const lines: string[] = [];
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (audit && audit.score !== null && audit.score < 1 && (ref.weight > 0 || audit.details?.overallSavingsMs))
      lines.push(`${ref.id}: ${audit.displayValue ?? audit.score}`);
  }
  const lcpItems = lhr.audits["largest-contentful-paint-element"]?.details?.items ?? [];
  for (const item of lcpItems) {
    if (item.type === "table") for (const row of item.items ?? []) lines.push(`LCP element: ${row.node?.snippet ?? ""}`.slice(0, 200));
  }
  const phases = lhr.audits["lcp-breakdown-insight"]?.details?.items?.find((i) => i.type === "table")?.items ?? [];
  if (phases.length) lines.push(`LCP phases: ${phases.map((p) => `${p.label ?? p.subpart} ${Math.round(p.duration ?? 0)} ms`).join(", ")}`);
  for (const row of (lhr.audits["bootup-time"]?.details?.items ?? []).slice(0, 5))
    lines.push(`script: ${String(row.url).slice(-80)} total ${Math.round(row.total ?? 0)} ms, scripting ${Math.round(row.scripting ?? 0)} ms`);
  return lines;
}

type DetailRow = Record<string, unknown> & {
  type?: string;
  items?: DetailRow[];
  node?: { snippet?: string };
  label?: string;
  subpart?: string;
  duration?: number;
  url?: unknown;
  total?: number;
  scripting?: number;
};
type LhrLike = {
  categories: Record<string, { auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    { score: number | null; displayValue?: string; numericValue?: number; details?: { overallSavingsMs?: number; items?: DetailRow[] } } | undefined
  >;
};
