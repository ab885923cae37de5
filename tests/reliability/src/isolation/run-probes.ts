import fs from "node:fs";
import path from "node:path";
import { rawRequest, runPool } from "../http/raw-request";
import type { AppName } from "../inventory/route-inventory";
import { ARTIFACTS_DIR } from "../report/summary";
import type { World } from "../world/seed-world";
import { allowedMarkers, leakedMarkers, type Actors } from "./actors";
import type { Probe } from "./build-probes";

export type ProbeFinding = { kind: "leak" | "5xx" | "foreign-2xx" | "foreign-redirect" | "error"; probe: string; status: number; detail: string };
export type ProbeTally = { probes: number; leaks: number; fiveXx: number; failures: number; byStatus: Record<string, number>; findings: ProbeFinding[] };

export const emptyTally = (): ProbeTally => ({ probes: 0, leaks: 0, fiveXx: 0, failures: 0, byStatus: {}, findings: [] });

const describe = (p: Probe) => `${p.app} ${p.method} ${p.path} [${p.scenario}; host ${p.host}]`;

/** Hosts a response on `p.host` may point to (Location): the same tenant's hosts, or relative. */
function foreignLocation(w: World, p: Probe, location: string | undefined): string | null {
  if (!location) return null;
  let url: URL;
  try {
    url = new URL(location, `http://${p.host}`);
  } catch {
    return null;
  }
  const own = p.hostTenant ? [p.hostTenant.webHost, `www.${p.hostTenant.webHost}`, p.hostTenant.crmHost] : ["localhost", "127.0.0.1"];
  const other = [w.a, w.b].filter((t) => t !== p.hostTenant).flatMap((t) => [t.webHost, `www.${t.webHost}`, t.crmHost]);
  return other.includes(url.hostname) || (!own.includes(url.hostname) && url.hostname !== p.host.split(":")[0]) ? url.hostname : null;
}

/** Sends every probe and checks each response for other tenants' markers, 5xx and 2xx on foreign records. */
export async function runProbes(options: {
  world: World;
  probes: Probe[];
  origins: Partial<Record<AppName, string>>;
  actors: Actors;
  tally: ProbeTally;
  concurrency?: number;
}) {
  const { world: w, tally } = options;
  await runPool(options.probes, options.concurrency ?? 4, async (p) => {
    const origin = options.origins[p.app];
    if (!origin) return;
    const cookie = options.actors[p.actor];
    tally.probes++;
    let status = 0;
    try {
      const res = await rawRequest({
        origin,
        method: p.method,
        path: p.path,
        headers: { ...p.headers, ...(cookie ? { cookie } : {}) },
        body: p.body,
        timeoutMs: 30_000,
      });
      status = res.status;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      const text = `${res.body}\n${res.headers.location ?? ""}\n${JSON.stringify(res.headers["set-cookie"] ?? "")}`;
      const leaked = leakedMarkers(w, text, allowedMarkers(w, p.app, p.hostTenant, p.actor));
      if (leaked.length) {
        tally.leaks++;
        tally.findings.push({ kind: "leak", probe: describe(p), status, detail: leaked.join(",") });
      }
      if (status >= 500) {
        tally.fiveXx++;
        tally.findings.push({ kind: "5xx", probe: describe(p), status, detail: res.body.slice(0, 300) });
      }
      if (p.foreignRecord && status >= 200 && status < 300) {
        tally.failures++;
        tally.findings.push({ kind: "foreign-2xx", probe: describe(p), status, detail: res.body.slice(0, 300) });
      }
      const foreign = foreignLocation(w, p, res.headers.location);
      if (foreign) {
        tally.failures++;
        tally.findings.push({ kind: "foreign-redirect", probe: describe(p), status, detail: String(res.headers.location) });
      }
    } catch (error) {
      tally.failures++;
      tally.findings.push({ kind: "error", probe: describe(p), status, detail: (error as Error).message });
    }
  });
}

export function writeFindings(name: string, tally: ProbeTally): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...tally, findings: tally.findings.slice(0, 500) }, null, 2));
  return file;
}

/** One line per distinct finding (path ids collapsed), for assertion messages. */
export function summarizeFindings(tally: ProbeTally, max = 25): string[] {
  const seen = new Map<string, number>();
  for (const f of tally.findings) {
    const key = `${f.kind} ${f.status} ${f.probe.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.entries()].slice(0, max).map(([k, n]) => `${n}x ${k}`);
}
