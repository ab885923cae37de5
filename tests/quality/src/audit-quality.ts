// npm run audit:quality: starts the platform as `npm start` does (ports moved by --port-offset,
// default 500; DATABASE_URL when set, else the embedded PostgreSQL), then runs the outside
// checkers and prints one table: axe-core on every page type of the three apps (signed in where
// needed), promtool on every metrics endpoint, Redocly's recommended rules on the API document,
// the Nu Html Checker on the public pages, Lighthouse on the public page types (mobile and desktop),
// and the health endpoints. Exits 1 when a goal is missed; Lighthouse's performance score moves
// with the machine's load, so it is printed beside its goal but never fails the run.
// The table is also written as Markdown to tests/quality/RESULTS.md (`--results <file>`, relative to
// the repository root; `--results ""` writes none), with the commit, the duration and the load.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "@real-estate/http/testing";
import { DEMO_ACCOUNTS } from "@real-estate/demo";
import { auditApp, type AxePage } from "./axe-audit";
import { checkHtml, type HtmlPage } from "./html-check";
import { lighthouseVerdict, runLighthouse, type FormFactor } from "./lighthouse-audit";
import { startPlatform } from "./start-platform";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { values } = parseArgs({
  options: {
    "port-offset": { type: "string", default: process.env.AUDIT_PORT_OFFSET ?? "500" },
    results: { type: "string", default: "tests/quality/RESULTS.md" },
  },
});
const offset = Number(values["port-offset"]);
/** Chromium's debugging port, for Lighthouse. */
const debuggingPort = Number(process.env.AUDIT_DEBUGGING_PORT) || 9222 + offset;
/** Lighthouse's goal: these categories fail the run under it; performance is reported only. */
const LIGHTHOUSE_GOAL = 95;
const log = (line: string) => console.log(line);

/** A row of the table; `skipped` marks a check that did not run by request (shown as SKIP, never as ok). */
type TRow = { check: string; target: string; result: string; goal: string; ok: boolean; skipped?: boolean };
const mark = (r: TRow) => (r.skipped ? "SKIP" : r.ok ? "ok" : "FAIL");
/**
 * AUDIT_SKIP_JAVA=1 skips the one check that needs a Java runtime (the Nu Html Checker), for a
 * machine without one (.ci/run sets it only when `java` is absent): the row says SKIP, the run
 * says so in its verdict, and the other checks still decide the exit code.
 */
const skipJava = process.env.AUDIT_SKIP_JAVA === "1";
const rows: TRow[] = [];

function get(port: number, host: string, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, headers: { host: `${host}:${port}` } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function promtool(text: string): { ok: boolean; output: string } {
  const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (r.error) return { ok: false, output: `promtool not found (Debian: apt-get install prometheus): ${r.error.message}` };
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

function redoclyLint(document: string): { errors: number; warnings: number; problems: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-openapi-"));
  const file = path.join(dir, "openapi.json");
  fs.writeFileSync(file, document);
  const bin = path.join(root, "node_modules/.bin/redocly");
  const r = spawnSync(bin, ["lint", file, "--format=json"], {
    encoding: "utf8",
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const start = r.stdout.indexOf("{");
  if (start < 0) return { errors: 1, warnings: 0, problems: [`redocly did not run: ${r.stderr.slice(0, 400)}`] };
  const report = JSON.parse(r.stdout.slice(start)) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; severity: string; message: string }[];
  };
  return { errors: report.totals.errors, warnings: report.totals.warnings, problems: report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`) };
}

/** The table as Markdown with how it was measured: what `--results` writes. */
function resultsMarkdown(run: { startedAt: Date; seconds: number; loadStart: number[]; loadEnd: number[]; failed: boolean }): string {
  const git = (args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" }).stdout.trim();
  const commit = git(["rev-parse", "--short", "HEAD"]) || "unknown";
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) ? " with uncommitted changes" : "";
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const skipped = rows.filter((r) => r.skipped).map((r) => r.check);
  const verdict = run.failed
    ? "did not finish (see the run's output)"
    : rows.some((r) => !r.ok)
      ? "goals missed (FAIL rows)"
      : skipped.length
        ? `every goal met by the checks that ran; SKIPPED: ${skipped.join(", ")}`
        : "every goal met";
  return [
    "# Quality audit: results of a run",
    "",
    `- Date: ${run.startedAt.toISOString().slice(0, 10)}, started ${run.startedAt.toISOString().slice(11, 19)} UTC, commit \`${commit}\`${dirty}, \`npm run audit:quality\` at the repository root.`,
    `- Duration: ${run.seconds} s wall clock (platform start, builds, every check), Node ${process.version}, ${os.cpus().length} cores.`,
    `- Load average (1 / 5 / 15 min): ${load(run.loadStart)} at the start, ${load(run.loadEnd)} at the end. Lighthouse's performance score`,
    "  follows the machine's load: it is reported beside its goal and does not fail the run.",
    "  Mobile performance measured on a quiet machine, median of 3 runs per page: [PAGE-SPEED.md](PAGE-SPEED.md) (`npm run audit:lighthouse`).",
    `- Verdict: ${verdict}.`,
    "",
    "| | check | target | result | goal |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${mark(r)} | ${cell(r.check)} | ${cell(r.target)} | ${cell(r.result)} | ${cell(r.goal)} |`),
    "",
  ].join("\n");
}

function printTable() {
  const head: TRow = { check: "check", target: "target", result: "result", goal: "goal", ok: true };
  const all = [head, ...rows];
  const w = (k: keyof Omit<TRow, "ok" | "skipped">) => Math.max(...all.map((r) => r[k].length));
  const line = (r: TRow, flag: string) =>
    `${flag.padEnd(4)} ${r.check.padEnd(w("check"))}  ${r.target.padEnd(w("target"))}  ${r.result.padEnd(w("result"))}  ${r.goal}`;
  console.log("");
  console.log(line(head, ""));
  for (const r of rows) console.log(line(r, mark(r)));
}

const startedAt = new Date();
const loadStart = os.loadavg();
log(`audit:quality: starting the platform (port offset ${offset})...`);
const platform = await startPlatform({ root, offset, databaseUrl: process.env.DATABASE_URL, log });
const { ports } = platform;
let failed = false;
try {
  for (const [name, port] of [
    ["web", ports.web],
    ["crm", ports.crm],
    ["studio", ports.studio],
  ] as const) {
    const live = await get(port, "localhost", "/healthz");
    const ready = await get(port, "localhost", "/readyz");
    rows.push({
      check: "health",
      target: name,
      result: `healthz ${live.status}, readyz ${ready.status}`,
      goal: "200, 200",
      ok: live.status === 200 && ready.status === 200,
    });
  }

  for (const [name, port] of Object.entries(ports.metrics)) {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch((e: Error) => e);
    const text = res instanceof Error ? "" : await res.text();
    const check = res instanceof Error ? { ok: false, output: res.message } : promtool(text);
    const series = text.split("\n").filter((l) => l && !l.startsWith("#")).length;
    rows.push({
      check: "promtool",
      target: `${name} metrics`,
      result: check.ok ? `clean (${series} series)` : check.output.split("\n").length + " problem(s)",
      goal: "clean",
      ok: check.ok,
    });
    if (!check.ok) log(`  promtool ${name}: ${check.output}`);
  }

  const doc = await get(ports.crm, "crm.fairfield.localhost", "/api/openapi.json");
  const lint = doc.status === 200 ? redoclyLint(doc.body) : { errors: 1, warnings: 0, problems: [`GET /api/openapi.json answered ${doc.status}`] };
  for (const p of lint.problems) log(`  redocly: ${p}`);
  rows.push({
    check: "redocly lint",
    target: "CRM /api/openapi.json",
    result: `${lint.errors} errors, ${lint.warnings} warnings`,
    goal: "0, 0",
    ok: lint.errors === 0 && lint.warnings === 0,
  });

  const owner = DEMO_ACCOUNTS.find((a) => a.tenantSlug === "fairfield" && a.role === "OWNER")!;
  const operator = DEMO_ACCOUNTS.find((a) => a.platformRole === "operator")!;
  const browser = await launchChromium({ extraArgs: [`--remote-debugging-port=${debuggingPort}`] });
  try {
    const apps = [
      { name: "web", origin: `http://fairfield.localhost:${ports.web}`, start: ["/", "/homes", "/towns", "/contact", "/home-value", "/sign-in", "/sign-up"] },
      { name: "crm", origin: `http://crm.fairfield.localhost:${ports.crm}`, signedOut: ["/sign-in"], signIn: owner, start: ["/", "/leads"] },
      { name: "studio", origin: `http://localhost:${ports.studio}`, signedOut: ["/sign-in"], signIn: operator, start: ["/"] },
    ];
    const audited: Record<string, AxePage[]> = {};
    for (const app of apps) {
      const pages: AxePage[] = await auditApp(browser, app, log);
      audited[app.name] = pages;
      const serious = pages.flatMap((p) => p.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ page: p.type, ...v })));
      const nodes = serious.reduce((n, v) => n + v.nodes, 0);
      for (const v of serious) log(`  ${app.name} ${v.page}: ${v.impact} ${v.id} (${v.help}) ×${v.nodes}: ${v.targets.join(" | ")}`);
      rows.push({ check: "axe-core", target: `${app.name} (${pages.length} page types)`, result: `${nodes} serious/critical`, goal: "0", ok: nodes === 0 });
    }

    // The public page types: every web page type reached signed out without a redirect, and the
    // sign-in pages of the CRM and the studio.
    const isPublic = (p: AxePage) => !p.signedIn && p.status === 200 && new URL(p.finalUrl).pathname === new URL(p.url).pathname;
    const publicPages = apps.flatMap((app) =>
      audited[app.name]!.filter(isPublic).map((p) => ({ app: app.name, type: p.type.replace(" (signed out)", ""), url: p.url })),
    );

    const htmlPages: HtmlPage[] = [];
    for (const p of publicPages) {
      const u = new URL(p.url);
      const res = await get(Number(u.port), u.hostname, `${u.pathname}${u.search}`);
      htmlPages.push({ name: `${p.app} ${p.type}`, html: res.body });
    }
    if (skipJava) {
      log("  html: SKIPPED (AUDIT_SKIP_JAVA=1: no Java runtime for the Nu Html Checker)");
      rows.push({
        check: "HTML checker",
        target: `public pages (${htmlPages.length})`,
        result: "SKIPPED: no Java runtime",
        goal: "0",
        ok: true,
        skipped: true,
      });
    } else {
      const html = checkHtml(htmlPages);
      if (html.problem) log(`  html: ${html.problem}`);
      for (const e of html.errors) log(`  html ${e.page}:${e.line ?? "?"}: ${e.message} [${e.extract}]`);
      rows.push({
        check: "HTML checker",
        target: `public pages (${htmlPages.length})`,
        result: html.problem ? "did not run" : `${html.errors.length} errors`,
        goal: "0",
        ok: !html.problem && html.errors.length === 0,
      });
    }

    for (const p of publicPages) {
      for (const formFactor of ["mobile", "desktop"] as FormFactor[]) {
        const run = await runLighthouse(p.url, formFactor, debuggingPort);
        const s = run.scores;
        // The CRM and the studio are for staff, not search engines: accessibility and best practices.
        const { ok } = lighthouseVerdict(run, { seo: p.app === "web", goal: LIGHTHOUSE_GOAL });
        const perfMet = s.performance >= LIGHTHOUSE_GOAL;
        log(`  lighthouse ${p.app} ${p.type} ${formFactor}: ${JSON.stringify(s)}`);
        for (const f of run.failing) log(`    ${f}`);
        rows.push({
          check: `Lighthouse ${formFactor}`,
          target: `${p.app} ${p.type}`,
          result: `perf ${s.performance}${perfMet ? "" : " (under goal, reported)"} · a11y ${s.accessibility} · bp ${s["best-practices"]} · seo ${s.seo}`,
          goal: p.app === "web" ? `a11y, bp, seo ≥ ${LIGHTHOUSE_GOAL}; perf ≥ ${LIGHTHOUSE_GOAL} reported` : `a11y, bp ≥ ${LIGHTHOUSE_GOAL}; others reported`,
          ok,
        });
      }
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error(`audit:quality: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await platform.stop();
}
printTable();
if (skipJava) console.log("\nSKIPPED: the Nu Html Checker (AUDIT_SKIP_JAVA=1, no Java runtime): HTML validity was NOT checked in this run.");
if (values.results) {
  const file = path.resolve(root, values.results);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  fs.writeFileSync(file, resultsMarkdown({ startedAt, seconds, loadStart, loadEnd: os.loadavg(), failed }));
  log(`\nresults written to ${path.relative(root, file)}`);
}
if (failed || rows.some((r) => !r.ok)) process.exit(1);
