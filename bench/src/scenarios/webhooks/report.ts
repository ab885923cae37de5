// What the webhooks bench prints of the worker process from its probe (bench/src/lib/worker-probe.mjs):
// its SQL statements by verb and by name, and its CPU time, in all and from its first claim on.
import fs from "node:fs";
import { join } from "node:path";
import { fmt, log } from "../../lib/context";

/** What the worker's probe wrote at exit (bench/src/lib/worker-probe.mjs); the tsx launcher loads no pg and writes nothing. */
type Probe = {
  cpuUserMs: number;
  cpuSystemMs: number;
  cpuAtFirstClaimMs?: number;
  statements: number;
  byVerb: Record<string, number>;
  byName?: Record<string, { statements: number; items: number; ms?: number }>;
};

function readProbe(dir: string): Probe | null {
  if (!fs.existsSync(dir)) return null;
  const probes = fs
    .readdirSync(dir)
    .map((f) => JSON.parse(fs.readFileSync(join(dir, f), "utf8")) as Probe)
    .filter((p) => p.statements > 0);
  return probes[0] ?? null;
}

/**
 * Logs what the worker's probe in `probeDir` recorded over `deliveries` deliveries (its warm-up
 * included) and removes the folder; returns the statements per delivery (null without a probe).
 */
export function reportWorkerProbe(label: string, probeDir: string, deliveries: number): number | null {
  const probe = readProbe(probeDir);
  fs.rmSync(probeDir, { recursive: true, force: true });
  const statementsPerDelivery = probe ? probe.statements / deliveries : null;
  if (probe) {
    const verbs = Object.entries(probe.byVerb)
      .map(([verb, count]) => `${verb} ${fmt(count)}`)
      .join(", ");
    const cpuMs = probe.cpuUserMs + probe.cpuSystemMs;
    const fromFirstClaimMs = cpuMs - (probe.cpuAtFirstClaimMs ?? 0);
    log(
      `${label}: the worker sent ${fmt(probe.statements)} statements (${verbs}), ${statementsPerDelivery!.toFixed(2)} a delivery; ` +
        `its CPU ${fmt(Math.round(cpuMs))} ms, ${fmt(Math.round(fromFirstClaimMs))} ms from its first claim on ` +
        `(${(fromFirstClaimMs / deliveries).toFixed(2)} ms a delivery, its warm-up deliveries included)`,
    );
  }
  if (probe?.byName)
    log(
      `${label}: the worker's named statements (rows a statement, ms from sending to answer, on average): ${Object.entries(probe.byName)
        .map(([name, e]) => `${name} ${fmt(e.statements)} (${(e.items / e.statements).toFixed(1)} rows, ${((e.ms ?? 0) / e.statements).toFixed(1)} ms)`)
        .join(", ")}`,
    );
  return statementsPerDelivery;
}
