// Per-request timing probe for the crm-leads scenario (decision 0120's profile of the tail).
// Loaded into the bench client and the CRM server, which inherits the bench's environment:
//
//   PROBE_DIR=/tmp/probe NODE_OPTIONS="--require $PWD/bench/src/tools/request-probe.cjs" \
//     npm run bench -- --scenario crm-leads
//   node bench/src/tools/request-probe-report.mjs /tmp/probe
//
// It acts only in the app server (real-estate-serve.mjs) and the bench's run.ts process and
// writes JSON lines to PROBE_DIR: each HTTP request (server: `request` to `finish`, with the
// process's CPU; client: sent to answer's end), each node-postgres statement (pg's
// Client.prototype.query, patched once pg is loaded), each garbage collection, and each gap of
// the event loop over 8 ms (a 4 ms timer) with the process's CPU across it. Timestamps are epoch
// milliseconds (performance.timeOrigin + now), comparable across the two processes. Not for
// production: it patches pg and its timer wakes the process 250 times a second.
/* global require, setInterval, clearInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded with node --require, a CommonJS file */
"use strict";
const fs = require("node:fs");
const dc = require("node:diagnostics_channel");
const { PerformanceObserver, performance } = require("node:perf_hooks");
const argv = process.argv.join(" ");
const role = argv.includes("real-estate-serve.mjs") ? "server" : /src\/run\.ts/.test(argv) && !argv.includes("tsx/dist/cli") ? "client" : null;
if (role) {
  const out = process.env.PROBE_DIR || "/tmp/request-probe";
  fs.mkdirSync(out, { recursive: true });
  const file = `${out}/${role}-${process.pid}.jsonl`;
  const now = () => performance.timeOrigin + performance.now();
  const lines = [];
  const push = (o) => {
    lines.push(JSON.stringify(o));
    if (lines.length >= 500) flush();
  };
  const flush = () => {
    if (lines.length) fs.appendFileSync(file, lines.join("\n") + "\n");
    lines.length = 0;
  };
  setInterval(flush, 2000).unref();
  process.on("exit", flush);
  for (const sig of ["SIGTERM", "SIGINT"]) process.prependListener(sig, flush);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) push({ k: "gc", t: performance.timeOrigin + e.startTime, d: e.duration, kind: e.detail?.kind });
  }).observe({ entryTypes: ["gc"] });
  // Event-loop stalls: a 2 ms ticker, a gap over 6 ms recorded with the process CPU across it.
  let last = now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const t = now();
    const cpu = process.cpuUsage();
    const gap = t - last;
    if (gap > 8) push({ k: "stall", t: last, d: gap, cpu: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 });
    last = t;
    lastCpu = cpu;
  }, 4).unref();
  if (role === "server") {
    dc.subscribe("http.server.request.start", ({ request, response }) => {
      const t0 = now();
      const c0 = process.cpuUsage();
      response.once("finish", () => {
        const c = process.cpuUsage(c0);
        push({ k: "req", t: t0, d: now() - t0, url: request.url, cpu: (c.user + c.system) / 1000 });
      });
    });
    let patched = false;
    const tryPatch = () => {
      if (patched) return;
      for (const [name, mod] of Object.entries(require.cache)) {
        if (!/\/pg\/lib\/client\.js$/.test(name)) continue;
        const Client = mod.exports;
        const orig = Client.prototype.query;
        Client.prototype.query = function (config, values, cb) {
          const text = typeof config === "string" ? config : config && config.text;
          const t0 = now();
          const done = () => push({ k: "sql", t: t0, d: now() - t0, q: String(text).replace(/\s+/g, " ").trim().slice(0, 60) });
          if (typeof values === "function") {
            const f = values;
            values = function () {
              done();
              return f.apply(this, arguments);
            };
          } else if (typeof cb === "function") {
            const f = cb;
            cb = function () {
              done();
              return f.apply(this, arguments);
            };
          } else if (config && typeof config.callback === "function") {
            const f = config.callback;
            config.callback = function () {
              done();
              return f.apply(this, arguments);
            };
          }
          const r = orig.call(this, config, values, cb);
          if (r && typeof r.then === "function") r.then(done, done);
          return r;
        };
        patched = true;
        push({ k: "patched", t: now(), name });
        return;
      }
    };
    const timer = setInterval(() => {
      tryPatch();
      if (patched) clearInterval(timer);
    }, 50);
    timer.unref();
  } else {
    dc.subscribe("http.client.request.start", ({ request }) => {
      const t0 = now();
      request.once("response", (res) => {
        const th = now();
        res.once("end", () => push({ k: "creq", t: t0, d: now() - t0, head: th - t0, path: request.path }));
      });
    });
  }
}
