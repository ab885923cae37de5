// npm run db:backup / db:restore for the embedded server: a backup taken while the server runs
// (and one taken while it is stopped), restored into a new data folder, starts and has every row.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@real-estate/db";
import { backupEmbeddedServer, restoreEmbeddedServer, startEmbeddedServer, type EmbeddedServer } from "@real-estate/db/embedded";
import { applyPendingMigrations, migrationTargetForUrl } from "@real-estate/db/migrate";
import { seedDemoData } from "../src";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "re-embedded-backup-"));
fs.chmodSync(root, 0o755);
const running: EmbeddedServer[] = [];

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { t } of tables.rows) counts[t] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    return counts;
  } finally {
    await client.end();
  }
}

async function start(dir: string): Promise<EmbeddedServer> {
  const s = await startEmbeddedServer({ dir });
  running.push(s);
  return s;
}

afterAll(async () => {
  for (const s of running) await s.stop().catch(() => {});
  fs.rmSync(root, { recursive: true, force: true });
});

describe("embedded server backup and restore", () => {
  it("a backup taken while the server runs, and one taken while it is stopped, restore into new folders with every row", async () => {
    const source = await start(path.join(root, "source"));
    const target = migrationTargetForUrl(source.url);
    await applyPendingMigrations(target);
    await target.close();
    const db = createPrismaClient({ url: source.url, poolSize: 4 });
    await seedDemoData({ db, log: () => {} });
    await db.$disconnect();
    const before = await rowCounts(source.url);
    expect(before.Listing).toBeGreaterThan(100);

    const online = await backupEmbeddedServer({ dir: path.join(root, "source"), to: path.join(root, "backup-online") });
    expect(online.online).toBe(true);
    await source.stop();
    const offline = await backupEmbeddedServer({ dir: path.join(root, "source"), to: path.join(root, "backup-offline") });
    expect(offline.online).toBe(false);

    for (const backup of ["backup-online", "backup-offline"]) {
      const dir = path.join(root, `restored-${backup}`);
      expect(restoreEmbeddedServer({ from: path.join(root, backup), dir }).keptAside).toBeNull();
      const restored = await start(dir);
      expect(await rowCounts(restored.url), backup).toEqual(before);
      await restored.stop();
    }
  }, 300_000);
});
