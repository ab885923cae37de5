// The id of the request being served, for code deep below the route that has no headers in hand
// (the queue stamps it on the jobs a request queues, decision 0026). Server-only: node:async_hooks.
// The store lives on globalThis, so the app server and the copies of this module bundled into a
// Next.js build share it.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("real-estate.request-id-context");
type TGlobal = typeof globalThis & { [KEY]?: AsyncLocalStorage<string> };

function store(): AsyncLocalStorage<string> {
  const g = globalThis as TGlobal;
  return (g[KEY] ??= new AsyncLocalStorage<string>());
}

/** A request id fit for a log line: a plain token of 1-128 printable ASCII characters. */
export function isRequestId(value: unknown): value is string {
  return typeof value === "string" && /^[\x21-\x7e]{1,128}$/.test(value);
}

/** Runs `fn` with `requestId` as the current request id (none when it is null or not a plain token). */
export function runWithRequestId<T>(requestId: string | null | undefined, fn: () => T): T {
  return isRequestId(requestId) ? store().run(requestId, fn) : store().exit(fn);
}

/** The id of the request (or job) whose work is running, or null. */
export function currentRequestId(): string | null {
  return store().getStore() ?? null;
}
