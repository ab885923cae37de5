// Next.js's cache (rendered pages and unstable_cache reads) shared by every instance of the
// website through Redis. next.config.ts names this file as `cacheHandler` only when REDIS_URL is
// set (the production profile sets it); without it Next.js keeps its own in-memory cache.
//
// @fortedigital/nextjs-cache-handler does the work: its `redis-strings` handler stores each entry
// with its tags, and a tag revalidated by one instance (the studio's change) deletes that tag's
// entries for all of them; an implicit path tag's time is kept in Redis, so revalidatePath on one
// instance is seen by every other one. Its `local-lru` handler is the second one: each entry is
// written to both, read from Redis while the connection is up, and from the process's own copy
// while it is not, so Redis going away never takes pages down (they are rendered and cached per
// instance meanwhile, and the failure is logged once until the connection is back).
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import { ioredisAdapter } from "@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { Redis } from "ioredis";
import { clearTimeout, setTimeout } from "node:timers";

/** The longest a page waits for Redis before it is rendered (or served from the process's own copy). */
const REDIS_TIMEOUT_MS = 500;

/**
 * Most the process's own copy holds, in bytes: next.config.ts's `cacheMaxMemorySize`
 * (WEB_PAGE_CACHE_LOCAL_MB beside Redis), which Next.js hands every cache handler it creates. 0:
 * no own copy. Only the constructor sees it, and the creation hook below has no way to receive
 * it: the constructor keeps it here, as the library keeps Next.js's context (a static set in its
 * constructor). The hook runs from an instance's first get, set or revalidateTag, so always after
 * a constructor has set this (32 MB, WEB_PAGE_CACHE_LOCAL_MB's default, if the context has no size).
 */
let localCopyBytes = 32 * 1024 * 1024;

/**
 * The library's ioredis adapter calls `set` with options (EXAT, NX) unbound from its client (a
 * TypeError on every such write): this one sends them as ioredis takes them.
 * @param {Redis} client
 */
function withSet(client) {
  const adapted = ioredisAdapter(client);
  return new Proxy(adapted, {
    get(target, prop, receiver) {
      if (prop !== "set") return Reflect.get(target, prop, receiver);
      /** @param {string} key @param {string} value @param {{ EXAT?: number; NX?: boolean } | undefined} options */
      return (key, value, options) => {
        /** @type {(string | number)[]} */
        const args = [];
        if (options?.EXAT) args.push("EXAT", options.EXAT);
        if (options?.NX) args.push("NX");
        return client.call("SET", key, value, ...args);
      };
    },
  });
}

/** @type {Promise<{ handlers: unknown[] }> | undefined} */
let config;

CacheHandler.onCreation(({ buildId }) => {
  config ??= (async () => {
    const url = process.env.REDIS_URL;
    // Entries of one build only: another build's pages (other code, other chunks) never mix in.
    const keyPrefix = `${process.env.NEXT_CACHE_KEY_PREFIX ?? "web:next:"}${buildId ?? "dev"}:`;
    // (`maxItemSizeBytes` is the library's name for the whole LRU's bound, entries sized as JSON.)
    const local = localCopyBytes > 0 ? createLruHandler({ maxItemSizeBytes: localCopyBytes }) : null;
    if (!url) return { handlers: [local] };
    // Commands are not queued while the connection is down: the handler sees `isReady` false and
    // the process's own copy answers. ioredis reconnects in the background.
    const client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1_000,
      commandTimeout: REDIS_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    let down = false;
    client.on("error", (error) => {
      if (down) return;
      down = true;
      console.warn(
        JSON.stringify({ level: "warn", msg: "page cache: Redis unreachable, each instance caches its own pages until it is back", error: String(error) }),
      );
    });
    client.on("ready", () => {
      if (down) console.warn(JSON.stringify({ level: "info", msg: "page cache: Redis reachable again, pages shared again" }));
      down = false;
    });
    // The first pages wait for the connection (at most REDIS_TIMEOUT_MS), so that they are shared too.
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, REDIS_TIMEOUT_MS);
      client.once("ready", () => (clearTimeout(timer), resolve(undefined)));
    });
    const shared = createRedisHandler({ client: withSet(client), keyPrefix, timeoutMs: REDIS_TIMEOUT_MS, keyExpirationStrategy: "EXAT" });
    return { handlers: [shared, local] };
  })();
  return config;
});

/**
 * The library keeps each entry's lifetime (`lifespan`) but does not hand it back as the
 * `cacheControl` Next.js reads: an instance that did not render the page itself would then take it
 * as stale after 1 s and render it again. Each page is served with the lifetime it was stored with.
 */
export default class SharedCacheHandler extends CacheHandler {
  /** @param {ConstructorParameters<typeof CacheHandler>[0] & { maxMemoryCacheSize?: number }} context */
  constructor(context) {
    super(context);
    if (typeof context?.maxMemoryCacheSize === "number" && context.maxMemoryCacheSize >= 0) localCopyBytes = context.maxMemoryCacheSize;
  }

  /** @type {CacheHandler["get"]} */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    const kind = entry?.value?.kind;
    const revalidate = entry?.lifespan?.revalidate;
    if (entry && !entry.cacheControl && (kind === "APP_PAGE" || kind === "APP_ROUTE") && typeof revalidate === "number")
      return { ...entry, cacheControl: { revalidate, expire: undefined } };
    return entry;
  }
}
