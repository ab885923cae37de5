import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startNginx } from "../../src";

/** nginx on its own website port (and CRM port, when given) in front of one plain HTTP server standing in for the apps. */
export type StandInEdge = { stop(): Promise<void> };

/**
 * Starts `handle` as the stand-in upstream on a free loopback port, then nginx (one worker, its
 * prefix and cache in a fresh temporary folder named after `label`) proxying its website port,
 * and its CRM port when given, to it. `stop` stops nginx and the upstream and removes the folder.
 */
export async function startStandInEdge(options: {
  label: string;
  webPort: number;
  crmPort?: number;
  /** The address nginx listens on (default 127.0.0.1). */
  listen?: string;
  handle: http.RequestListener;
}): Promise<StandInEdge> {
  const upstream = http.createServer(options.handle);
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const port = (upstream.address() as AddressInfo).port;
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), `edge-${options.label}-`));
  const closeUpstream = () => new Promise((resolve) => upstream.close(resolve));
  const removePrefix = () => fs.rmSync(prefix, { recursive: true, force: true });
  let nginx;
  try {
    nginx = await startNginx({
      prefix,
      cacheDir: path.join(prefix, "cache"),
      webPort: options.webPort,
      webUpstreams: [port],
      ...(options.listen ? { listen: options.listen } : {}),
      ...(options.crmPort ? { crmPort: options.crmPort, crmUpstreams: [port] } : {}),
      workers: 1,
    });
  } catch (error) {
    await closeUpstream();
    removePrefix();
    throw error;
  }
  return {
    async stop() {
      await nginx.stop();
      await closeUpstream();
      removePrefix();
    },
  };
}
