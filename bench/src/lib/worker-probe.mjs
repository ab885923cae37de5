// Preloaded into a worker process the bench starts (NODE_OPTIONS=--import this file,
// BENCH_WORKER_PROBE=<directory>): counts every statement sent on node-postgres clients (Prisma's
// adapter and the direct pool both send through pg.Client#query; BEGIN and COMMIT included) and
// writes them with the process's CPU time to <directory>/<pid>.json when the process exits.
// Processes that never load pg (a launcher in front of the worker) write nothing.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";

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
    // byName: per named (prepared) statement, how many were sent, how many rows they carried in all
    // (the length of their first parameter when it is an array: the batched statements') and the
    // milliseconds from each one's sending to its answer reaching the process's callback, in all.
    const counts = { statements: 0, byVerb: {}, byName: {}, cpuAtFirstClaimMs: undefined };
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (config, ...rest) {
      counts.statements++;
      const text = typeof config === "string" ? config : config && typeof config.text === "string" ? config.text : "";
      const verb = (/^\s*([A-Za-z]+)/.exec(text)?.[1] ?? "?").toUpperCase();
      counts.byVerb[verb] = (counts.byVerb[verb] ?? 0) + 1;
      const name = config && typeof config === "object" && typeof config.name === "string" ? config.name : null;
      if (!name) return original.call(this, config, ...rest);
      // The CPU spent by the time of the first named statement (the first claim): start-up, which
      // a scenario can take off the total to get the CPU of the work itself.
      if (counts.cpuAtFirstClaimMs === undefined) {
        const cpu = process.cpuUsage();
        counts.cpuAtFirstClaimMs = (cpu.user + cpu.system) / 1000;
      }
      const entry = (counts.byName[name] ??= { statements: 0, items: 0, ms: 0 });
      entry.statements++;
      const first = Array.isArray(config.values) ? config.values[0] : undefined;
      entry.items += Array.isArray(first) ? first.length : 1;
      const sent = performance.now();
      const answered = () => {
        entry.ms += performance.now() - sent;
      };
      const last = rest[rest.length - 1];
      if (typeof last === "function")
        return original.call(this, config, ...rest.slice(0, -1), (...args) => {
          answered();
          return last(...args);
        });
      const result = original.call(this, config, ...rest);
      if (result && typeof result.then === "function") result.then(answered, answered);
      return result;
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
