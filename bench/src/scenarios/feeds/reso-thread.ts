// The local RESO server on a thread of its own: an MLS answers from its own machine, so its JSON
// encoding must not take turns with the sync on the bench's event loop (where it doubled as the
// client's cost). The thread builds the same data as startResoServer anywhere else (the data is a
// function of the market, the count and the anchor day), so the baseline can rebuild it in place.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { DEMO_TENANTS } from "@real-estate/demo";
import { startResoServer } from "@real-estate/demo/reso-server";

type ThreadOptions = {
  tenantSlug: string;
  count: number;
  bearerToken: string;
  maxPageSize: number;
  maxKeyPageSize?: number;
  refuseTopAbove?: boolean;
  anchor: string;
};
type Ready = { url: string; serviceRoot: string; buildMs: number };

export type ResoThread = Ready & { close(): Promise<void> };

/** Starts the server on a worker thread; resolves once it listens with its data built. */
export async function startResoThread(options: Omit<ThreadOptions, "anchor"> & { anchor: Date }): Promise<ResoThread> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { ...options, anchor: options.anchor.toISOString() } satisfies ThreadOptions });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once("message", (message: Ready) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the RESO server thread exited (${code}) before listening`)));
  });
  worker.on("error", (error) => console.error(`RESO server thread: ${error.message}`));
  return { ...ready, close: async () => void (await worker.terminate()) };
}

if (!isMainThread && parentPort) {
  const options = workerData as ThreadOptions;
  const tenant = DEMO_TENANTS.find((t) => t.slug === options.tenantSlug);
  if (!tenant) throw new Error(`no demo market ${options.tenantSlug}`);
  const started = performance.now();
  const server = await startResoServer({
    tenant,
    count: options.count,
    anchor: new Date(options.anchor),
    bearerTokens: [options.bearerToken],
    maxPageSize: options.maxPageSize,
    maxKeyPageSize: options.maxKeyPageSize,
    refuseTopAbove: options.refuseTopAbove,
  });
  parentPort.postMessage({ url: server.url, serviceRoot: server.serviceRoot, buildMs: performance.now() - started } satisfies Ready);
}
