import { execFileSync } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { adminUrl } from "./databases";
import { REPO_ROOT } from "./paths";
import { installedVersion } from "./versions";

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

export type MachineInfo = {
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  platform: string;
  loadAverageAtStart: number[];
  gitCommit: string | null;
  versions: Record<string, string | null>;
};

export async function machineInfo(): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  const server = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v").finally(() => client.end());
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    gitCommit: gitCommit(),
    versions: {
      node: process.versions.node,
      postgresql: server.rows[0]?.v ?? null,
      "graphile-worker": installedVersion("graphile-worker"),
      "pg-boss": installedVersion("pg-boss"),
      autocannon: installedVersion("autocannon"),
      next: installedVersion("next"),
      "@prisma/client": installedVersion("@prisma/client"),
      pg: installedVersion("pg"),
    },
  };
}
