import fs from "node:fs/promises";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "@real-estate/types";
import { contentTypeForLogoPath, resolveLogoFile } from "./logo-files";

export type TenantLogo = { bytes: Buffer; contentType: string; etag: string };

/** The tenant's logo file, or null when it has none (or the file is gone). */
export async function readTenantLogo(options: { tenantId: string; db?: Db }): Promise<TenantLogo | null> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) return null;
  const tenant = await db.tenant.findUnique({ where: { id: options.tenantId }, select: { logoPath: true } });
  if (!tenant?.logoPath) return null;
  const file = resolveLogoFile(tenant.logoPath);
  if (!file) return null;
  try {
    const bytes = await fs.readFile(file);
    // The stored name carries a content hash, so it makes a stable validator.
    return { bytes, contentType: contentTypeForLogoPath(tenant.logoPath), etag: `"${tenant.logoPath.replace(/[^a-z0-9.-]/gi, "-")}"` };
  } catch {
    return null;
  }
}
