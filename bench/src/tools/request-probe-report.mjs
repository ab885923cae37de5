// Reads what bench/src/tools/request-probe.cjs wrote during a crm-leads run and prints, per lead
// list, the median request's segments and its slowest requests, then which segment was furthest
// above its median in each slow request and what overlapped them.
//
//   node bench/src/tools/request-probe-report.mjs <PROBE_DIR>
//
// Segments of a server request: pre (request to the first statement: routing, tenant, key),
// count (the rate-limit count's message), list (the page's statement), post (the later of the
// two answered to `finish`: rows mapped, JSON, the write), outside (the client's time minus the
// server's: the bench client's own pauses, the sockets). Requests are sequential in the
// scenario, so a statement belongs to the request whose span it starts in; "beside" counts
// other statements there (a key re-read beside the requests, decision 0067).
/* global URLSearchParams */
import fs from "node:fs";

const dir = process.argv[2];
if (!dir) throw new Error("usage: request-probe-report.mjs <PROBE_DIR>");
const load = (file) =>
  fs
    .readFileSync(`${dir}/${file}`, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const files = fs.readdirSync(dir);
const server = files.filter((f) => f.startsWith("server-")).flatMap(load);
// The bench's run.ts may show up twice (tsx's parent): the one that sent the requests counts.
const client =
  files
    .filter((f) => f.startsWith("client-"))
    .map(load)
    .find((lines) => lines.some((e) => e.k === "creq")) ?? [];
const of = (lines, kind) => lines.filter((e) => e.k === kind).sort((a, b) => a.t - b.t);
const sreq = of(server, "req").filter((r) => r.url.startsWith("/api/leads"));
const sql = of(server, "sql");
const [sgc, sgap, cgc, cgap] = [of(server, "gc"), of(server, "stall"), of(client, "gc"), of(client, "stall")];
const creq = of(client, "creq").filter((r) => r.path.startsWith("/api/leads"));
const overlapping = (lines, from, to) => lines.filter((e) => e.t < to && e.t + e.d > from);
const pct = (xs, p) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null;
};
const f = (x) => (x == null ? "-" : x.toFixed(1));

function listOf(path) {
  const q = new URLSearchParams(path.split("?")[1] ?? "");
  const keys = [...q.keys()].filter((k) => k !== "limit" && k !== "cursor").sort();
  const name = keys.map((k) => (k === "status" ? `status=${q.get(k)}` : k)).join("&") || "first page";
  return q.has("cursor") ? `deep: ${name}` : name;
}

const rows = [];
let next = 0;
for (const c of creq) {
  while (next < sreq.length && sreq[next].t < c.t - 3) next++;
  const s = sreq[next] && sreq[next].t < c.t + c.d ? sreq[next++] : null;
  if (!s) continue;
  const [from, to] = [s.t, s.t + s.d];
  const inside = sql.filter((q) => q.t >= from && q.t < to);
  const count = inside.find((q) => q.q.startsWith("BEGIN"));
  const list = inside.find((q) => q !== count && !q.q.includes('"ApiKey"'));
  const lastEnd = Math.max(...[count, list].filter(Boolean).map((q) => q.t + q.d));
  const firstStart = Math.min(...[count, list].filter(Boolean).map((q) => q.t));
  rows.push({
    list: listOf(c.path),
    total: c.d,
    server: s.d,
    cpu: s.cpu,
    outside: c.d - s.d,
    pre: Number.isFinite(firstStart) ? firstStart - from : null,
    count: count?.d ?? null,
    statement: list?.d ?? null,
    post: Number.isFinite(lastEnd) ? to - lastEnd : null,
    beside: inside.filter((q) => q !== count && q !== list).length,
    sgc: overlapping(sgc, from, to).map((g) => g.d),
    cgc: overlapping(cgc, c.t, c.t + c.d).map((g) => g.d),
    sgap: overlapping(sgap, from, to),
    cgap: overlapping(cgap, c.t, c.t + c.d),
  });
}
const SEGMENTS = ["pre", "count", "statement", "post", "outside"];
console.log(`${creq.length} list requests sent, ${sreq.length} served, ${rows.length} matched`);
const tally = {};
let slowCount = 0;
for (const name of [...new Set(rows.map((r) => r.list))]) {
  const rs = rows.filter((r) => r.list === name);
  const median = Object.fromEntries(
    ["total", "server", "cpu", ...SEGMENTS].map((k) => [
      k,
      pct(
        rs.map((r) => r[k]),
        50,
      ),
    ]),
  );
  console.log(
    `\n${name} (${rs.length}): total p50 ${f(median.total)} p99 ${f(
      pct(
        rs.map((r) => r.total),
        99,
      ),
    )} ms; medians: ` +
      SEGMENTS.map((k) => `${k} ${f(median[k])}`).join(", ") +
      `, server CPU ${f(median.cpu)}`,
  );
  const slow = rs.filter((r) => r.total >= Math.max(2 * median.total, median.total + 5));
  for (const r of [...rs].sort((a, b) => b.total - a.total).slice(0, 4)) {
    const gaps = (gs) => gs.map((g) => `${g.d.toFixed(0)}/${g.cpu.toFixed(0)}`).join(",");
    console.log(
      `  ${f(r.total)} ms: ` +
        SEGMENTS.map((k) => `${k} ${f(r[k])}`).join(", ") +
        `; cpu ${f(r.cpu)}; gc server [${r.sgc.map(f)}] client [${r.cgc.map(f)}]; loop gaps ms/cpu server [${gaps(r.sgap)}] client [${gaps(r.cgap)}]; beside ${r.beside}`,
    );
  }
  for (const r of slow) {
    slowCount++;
    const excess = SEGMENTS.map((k) => [k, (r[k] ?? 0) - (median[k] ?? 0)]).sort((a, b) => b[1] - a[1]);
    tally[excess[0][0]] = (tally[excess[0][0]] ?? 0) + 1;
    for (const [k, hit] of [
      ["server gc", r.sgc.length],
      ["client gc", r.cgc.length],
      ["beside", r.beside],
    ])
      if (hit) tally[k] = (tally[k] ?? 0) + 1;
  }
}
const all = (pred) => rows.filter(pred).length;
console.log(`\nslow (at least twice their list's median and 5 ms over it): ${slowCount} of ${rows.length}`);
console.log("  furthest above its median, and what overlapped them:", tally);
console.log(`  of all requests: server gc ${all((r) => r.sgc.length)}, client gc ${all((r) => r.cgc.length)}, beside ${all((r) => r.beside)}`);
for (const k of SEGMENTS) {
  const xs = rows.map((r) => r[k]);
  console.log(`  ${k}: p50 ${f(pct(xs, 50))} p90 ${f(pct(xs, 90))} p99 ${f(pct(xs, 99))} ms`);
}
const onCpu = (gaps) => `${gaps.filter((g) => g.cpu < 0.25 * g.d).length} of ${gaps.length}`;
console.log(`event-loop gaps over 8 ms with under a quarter on the process's CPU: server ${onCpu(sgap)}, client ${onCpu(cgap)}`);
