import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { openPglite } from "./open-pglite";
import { embeddedDataDir, embeddedServerInfoPath, embeddedServerUrl } from "./resolve-database";

export type EmbeddedServer = { url: string; port: number; stop: () => Promise<void> };

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/**
 * Serves the embedded PostgreSQL (PGlite, persisted in `dataDir`) on loopback over the
 * PostgreSQL wire protocol, so the apps and the worker, each its own process, share it.
 * PGlite runs one query at a time: fine for a demo, not for production (use DATABASE_URL).
 */
export async function startEmbeddedServer(options: { dataDir?: string; port?: number; maxConnections?: number } = {}): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? embeddedDataDir();
  let port = options.port ?? 54329;
  while (!(await portIsFree(port))) port += 1;
  const db = await openPglite(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: options.maxConnections ?? 48 });
  await server.start();
  const infoPath = embeddedServerInfoPath(dataDir);
  fs.mkdirSync(path.dirname(infoPath), { recursive: true });
  fs.writeFileSync(infoPath, JSON.stringify({ port, pid: process.pid }));
  let stopped = false;
  return {
    url: embeddedServerUrl(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      fs.rmSync(infoPath, { force: true });
      await server.stop();
      await db.close();
    },
  };
}
