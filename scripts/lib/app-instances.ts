// The three Next.js apps' processes for `npm start` / `start:prod` / `npm run dev`: one each, or in
// the cache profile two instances each of web and CRM (behind nginx, restarted when they die).
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { serverNodeFlags } from "@real-estate/http/node-flags";
import type { InstancePorts, PlatformPorts } from "@real-estate/http/platform-ports";
import { runService } from "./processes";
import type { PlatformMode, PlatformProfile } from "./platform";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Starts web, CRM and studio, pushing each process to `children`. Returns the instances that are
 * restarted when they exit (not a reason to stop the platform) and the web and CRM instances'
 * ports for nginx (cache profile; empty otherwise). `instances`: the cache profile's web and CRM
 * instances (`productionInstances` from the ports module), computed once by the launcher.
 */
export function startAppInstances(options: {
  mode: PlatformMode;
  profile: PlatformProfile;
  env: NodeJS.ProcessEnv;
  ports: PlatformPorts;
  instances: { web: InstancePorts[]; crm: InstancePorts[] };
  children: ChildProcess[];
  isStopping: () => boolean;
  log: (line: string) => void;
}): { restartable: Set<ChildProcess>; edgePorts: { web: number[]; crm: number[] } } {
  const { mode, profile, env, ports, instances, children, isStopping, log } = options;
  const apps = [
    { name: "web", port: ports.web, metricsPort: ports.webMetrics },
    { name: "crm", port: ports.crm, metricsPort: ports.crmMetrics },
    { name: "studio", port: ports.studio, metricsPort: ports.studioMetrics },
  ];
  // Instances restarted after they died (cache profile only: nginx takes a dead one out meanwhile).
  const restartable = new Set<ChildProcess>();
  const edgePorts = { web: [] as number[], crm: [] as number[] };
  // One secret render nonce for this run's web instances (kept when the operator set one).
  const webRenderNonce = process.env.REAL_ESTATE_RENDER_NONCE ?? crypto.randomBytes(16).toString("hex");
  for (const app of apps) {
    // Production builds run behind the app server (packages/http): the client's address from
    // the socket, TRUST_PROXY for proxies, the baseline security headers. `next dev` has no
    // socket address to give: its clients share one rate-limit bucket. The app server also
    // answers /healthz and /readyz (database reachable, migrations current) and serves the
    // app's Prometheus metrics on a loopback port of its own.
    const command = mode === "dev" ? "npx" : process.execPath;
    const behindEdge = profile === "cache" && (app.name === "web" || app.name === "crm");
    const appInstances = behindEdge ? instances[app.name as "web" | "crm"] : [{ port: app.port, metricsPort: app.metricsPort }];
    const instancePorts = appInstances.map((instance) => instance.port);
    for (const [i, { port, metricsPort }] of appInstances.entries()) {
      const serveArgs = ["-p", String(port), "--metrics-port", String(metricsPort), "--ready", "@real-estate/db/readiness-probe"];
      // The app's own node flags (`serverNodeFlags` in its package.json, decision 0070), as the bench starts it.
      const nodeFlags = serverNodeFlags(path.join(root, "apps", app.name));
      const args =
        mode === "dev" ? ["next", "dev", "-p", String(port)] : [...nodeFlags, path.join(root, "packages/http/bin/real-estate-serve.mjs"), ...serveArgs];
      // Behind nginx: the client's address comes from its X-Forwarded-For; pages name their tenant for the purge.
      // Rate limits shared by the instances through Redis (REDIS_URL, default the local one).
      // The web instances share Next.js's page cache there too (apps/web/cache-handler.mjs), so they
      // render with one render nonce, which each swaps for a fresh one per response (decision 0047).
      const shared = behindEdge
        ? {
            TRUST_PROXY: "loopback",
            EDGE_CACHE_TAGS: "1",
            REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
            ...(app.name === "web" ? { REAL_ESTATE_RENDER_NONCE: webRenderNonce } : {}),
          }
        : {};
      const appEnv: NodeJS.ProcessEnv = { ...env, PORT: String(port), ...shared };
      if (app.name === "studio" && profile === "cache")
        appEnv.WEB_INTERNAL_URL = process.env.WEB_INTERNAL_URL ?? edgePorts.web.map((p) => `http://127.0.0.1:${p}`).join(",");
      const name = instancePorts.length > 1 ? `${app.name}${i + 1}` : app.name;
      const start = (): ChildProcess => {
        const child = runService(name, command, args, appEnv, path.join(root, "apps", app.name));
        if (behindEdge) {
          restartable.add(child);
          child.on("exit", (code, signal) => {
            if (children.includes(child)) children.splice(children.indexOf(child), 1);
            if (isStopping()) return;
            log(`${name} exited (${code ?? signal}); nginx sends its requests to the other instance; restarting it in 1 s`);
            setTimeout(() => {
              if (!isStopping()) children.push(start());
            }, 1_000);
          });
        }
        return child;
      };
      children.push(start());
    }
    if (behindEdge) edgePorts[app.name as "web" | "crm"] = instancePorts;
  }
  return { restartable, edgePorts };
}
