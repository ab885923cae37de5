import fs from "node:fs";
import path from "node:path";
import type { AppName } from "../inventory/route-inventory";
import { REPO_ROOT } from "../report/summary";
import { startNextServer, type RunningServer } from "../servers/next-server";
import { TEST_AUTH_SECRET } from "./member-sessions";

/** Apps that exist in this checkout (an app lands when its app/ folder does). */
export function presentApps(wanted: AppName[] = ["web", "crm", "studio"]): AppName[] {
  return wanted.filter((a) => fs.existsSync(path.join(REPO_ROOT, "apps", a, "app")));
}

/** Environment every server of the suite gets: the shared auth secret, limits out of the way unless a test sets them. */
export const SUITE_SERVER_ENV: Record<string, string> = {
  BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
  WEB_RATE_LIMIT_PER_MINUTE: "100000000",
  WEB_FORM_MIN_FILL_MS: "0",
  AUTH_ALLOWED_HOSTS: "localhost,localhost:*,*.localhost,*.localhost:*,127.0.0.1:*,*.test,*.test:*",
};

export type AppServers = { origins: Partial<Record<AppName, string>>; servers: RunningServer[]; stop: () => Promise<void> };

/** Starts a production server per app (one after another, or side by side with `parallel`). */
export async function startApps(options: { apps: AppName[]; databaseUrl: string; label: string; env?: Record<string, string>; parallel?: boolean }): Promise<AppServers> {
  const servers: RunningServer[] = [];
  const start = async (app: AppName) => {
    servers.push(await startNextServer({ app, databaseUrl: options.databaseUrl, label: options.label, env: { ...SUITE_SERVER_ENV, ...options.env } }));
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
