// Preloaded into a worker process the bench starts (NODE_OPTIONS=--import this file,
// BENCH_WORKER_PROBE=<directory>): counts every statement sent on node-postgres clients (Prisma's
// adapter and the direct pool both send through pg.Client#query; BEGIN and COMMIT included) and
// writes them with the process's CPU time to <directory>/<pid>.json when the process exits.
// Processes that never load pg (a launcher in front of the worker) write nothing.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// pg is CommonJS: loading it through require here gives the very module the worker imports later.
const require = createRequire(path.join(process.cwd(), "noop.js"));

const dir = process.env.BENCH_WORKER_PROBE;
if (dir) {
  let pg = null;
  try {
    pg = require("pg");
  } catch {
    pg = null;
  }
  if (pg) {
    const counts = { statements: 0, byVerb: {} };
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (config, ...rest) {
      counts.statements++;
      const text = typeof config === "string" ? config : config && typeof config.text === "string" ? config.text : "";
      const verb = (/^\s*([A-Za-z]+)/.exec(text)?.[1] ?? "?").toUpperCase();
      counts.byVerb[verb] = (counts.byVerb[verb] ?? 0) + 1;
      return original.call(this, config, ...rest);
    };
    process.on("exit", () => {
      const cpu = process.cpuUsage();
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, `${process.pid}.json`),
        JSON.stringify({ pid: process.pid, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, ...counts }),
      );
    });
  }
}
