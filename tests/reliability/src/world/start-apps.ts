import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AppName } from "../inventory/route-inventory";
import { REPO_ROOT } from "../report/summary";
import { startNextServer, type RunningServer } from "../servers/next-server";
import { suiteAuthSecret } from "./member-sessions";

/** Apps that exist in this checkout (an app lands when its app/ folder does). */
export function presentApps(wanted: AppName[] = ["web", "crm", "studio"]): AppName[] {
  return wanted.filter((a) => fs.existsSync(path.join(REPO_ROOT, "apps", a, "app")));
}

/** This run's revalidation token (generated like suiteAuthSecret). */
export function suiteInternalToken(): string {
  return (process.env.INTERNAL_API_TOKEN ||= crypto.randomBytes(32).toString("base64url"));
}

/** Environment every server of the suite gets: this run's secrets, limits out of the way unless a test sets them. */
export const suiteServerEnv = (): Record<string, string> => ({
  BETTER_AUTH_SECRET: suiteAuthSecret(),
  INTERNAL_API_TOKEN: suiteInternalToken(),
  WEB_RATE_LIMIT_PER_MINUTE: "100000000",
  // The suite's members send thousands of probes a minute; the per-member API limit is tested in the CRM's own tests.
  CRM_API_SESSION_RATE_LIMIT_PER_MINUTE: "100000",
  WEB_FORM_MIN_FILL_MS: "0",
  AUTH_ALLOWED_HOSTS: "localhost,localhost:*,*.localhost,*.localhost:*,127.0.0.1:*,*.test,*.test:*",
});

export type AppServers = { origins: Partial<Record<AppName, string>>; servers: RunningServer[]; stop: () => Promise<void> };

/** Starts a production server per app (one after another, or side by side with `parallel`). */
export async function startApps(options: {
  apps: AppName[];
  databaseUrl: string;
  label: string;
  env?: Record<string, string>;
  parallel?: boolean;
}): Promise<AppServers> {
  const servers: RunningServer[] = [];
  const start = async (app: AppName) => {
    servers.push(await startNextServer({ app, databaseUrl: options.databaseUrl, label: options.label, env: { ...suiteServerEnv(), ...options.env } }));
  };
  try {
    if (options.parallel) {
      const results = await Promise.allSettled(options.apps.map(start));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    } else {
      for (const app of options.apps) await start(app);
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return {
    origins: Object.fromEntries(servers.map((s) => [s.app, s.origin])),
    servers,
    stop: async () => void (await Promise.all(servers.map((s) => s.stop()))),
  };
}
