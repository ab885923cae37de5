// glibc's malloc gives threads that allocate at once (libuv's pool, V8's collector and compiler
// threads, zlib's compression of responses) arenas of their own, up to 8 per core, and what is
// freed in an arena stays in the process: the app server's growth under load outside V8's heap
// (decision 0112). glibc reads MALLOC_ARENA_MAX once, at the process's first allocation, so it must
// be in the environment before node starts: the launcher (bin/real-estate-serve.mjs) replaces its
// own process, same pid, with one started with it. Off Linux, or without glibc, it does nothing;
// a MALLOC_ARENA_MAX already set (by the operator) is kept.

/** The malloc arenas the app server runs with (decision 0112). */
export const SERVER_MALLOC_ARENA_MAX = "2";

/** Whether this node runs on glibc (musl and other C libraries do not read MALLOC_ARENA_MAX). */
function runsOnGlibc(): boolean {
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: unknown } }).header;
  return typeof header?.glibcVersionRuntime === "string";
}

/** The environment the server must be re-executed with, or null when the current one will do. */
export function mallocArenaEnvironment(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  glibc: () => boolean = runsOnGlibc,
): Record<string, string | undefined> | null {
  if (platform !== "linux" || env.MALLOC_ARENA_MAX !== undefined || !glibc()) return null;
  return { ...env, MALLOC_ARENA_MAX: SERVER_MALLOC_ARENA_MAX };
}

type Execve = (file: string, args: string[], env: Record<string, string | undefined>) => never;

/**
 * Replaces this node process (same pid, same node flags and arguments) with one whose environment
 * has MALLOC_ARENA_MAX, when it should; returns when it need not (or node cannot: before 22.15).
 */
export function reexecWithMallocArenas(): void {
  const env = mallocArenaEnvironment();
  const execve = (process as unknown as { execve?: Execve }).execve;
  if (!env || typeof execve !== "function") return;
  execve.call(process, process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
}
