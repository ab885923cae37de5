import fs from "node:fs/promises";
import path from "node:path";
import { CACHE_TAG_HEADER } from "./nginx-config";

/** A finished cache entry is named by the MD5 of its key (nginx writes temp files under other names and renames them). */
const ENTRY_NAME = /^[0-9a-f]{32}$/;
/** The stored response headers sit near the start of an entry: its key, then the upstream's status line and headers. */
const HEAD_BYTES = 16 * 1024;

async function* entries(dir: string): AsyncGenerator<string> {
  let list: import("node:fs").Dirent[];
  try {
    list = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of list) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* entries(full);
    else if (entry.isFile() && ENTRY_NAME.test(entry.name)) yield full;
  }
}

/** The response headers stored in one cache entry (lower-cased), or null when it is gone or unreadable. */
async function storedHeaders(file: string): Promise<string | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, "r");
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString("latin1");
    const status = text.indexOf("\nHTTP/");
    if (status < 0) return null;
    const end = text.indexOf("\r\n\r\n", status);
    return text.slice(status, end < 0 ? undefined : end + 2).toLowerCase();
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * Deletes every cached page of one tenant from an nginx cache folder: the entries whose stored
 * response carries `x-cache-tenant: <tenantId>` (whatever host or URL they were cached under,
 * including hosts the tenant no longer has). nginx treats a deleted entry as a miss and fetches
 * the page again. Returns how many entries were deleted.
 */
export async function purgeTenantPages(options: { cacheDir: string; tenantId: string }): Promise<number> {
  const needle = `\r\n${CACHE_TAG_HEADER}: ${options.tenantId.toLowerCase()}\r\n`;
  let purged = 0;
  for await (const file of entries(options.cacheDir)) {
    const headers = await storedHeaders(file);
    if (headers === null || !headers.includes(needle)) continue;
    await fs.rm(file, { force: true });
    purged += 1;
  }
  return purged;
}
