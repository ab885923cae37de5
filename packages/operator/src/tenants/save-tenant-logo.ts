import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { invalidateTenantCache } from "@real-estate/sites";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioError, StudioNotFoundError, StudioValidationError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE, readLogoSize, sniffLogoType, uploadsDir } from "@real-estate/sites";
import { studioTenantSelect, type StudioTenant } from "./tenant-select";

/**
 * Stores a tenant's logo under the uploads folder (`<tenantId>/logo-<hash>.<ext>`) and points
 * Tenant.logoPath at it. PNG, JPEG, GIF or WebP up to 1 MiB and 4096 pixels a side, as its
 * header declares (a file with no readable header is refused). Earlier files are kept, so the
 * audit log's "before" still names a file that exists.
 */
export async function saveTenantLogo(options: { tenantId: string; actor: OperatorActor; bytes: Uint8Array; db?: Db }): Promise<StudioTenant> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  if (options.bytes.length > MAX_LOGO_BYTES) throw new StudioError(413, "too_large", "The logo must be at most 1 MiB");
  const type = sniffLogoType(options.bytes);
  if (!type) throw new StudioValidationError({ logo: ["a PNG, JPEG, GIF or WebP image"] });
  const size = await readLogoSize(options.bytes);
  if (!size) throw new StudioValidationError({ logo: ["a PNG, JPEG, GIF or WebP image"] });
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    throw new StudioValidationError({ logo: [`at most ${MAX_LOGO_SIDE} x ${MAX_LOGO_SIDE} pixels (this one is ${size.width} x ${size.height})`] });
  }
  const exists = await db.tenant.findUnique({ where: { id: options.tenantId }, select: { id: true } });
  if (!exists) throw new StudioNotFoundError("Tenant");

  const hash = crypto.createHash("sha256").update(options.bytes).digest("hex").slice(0, 16);
  const logoPath = `${options.tenantId}/logo-${hash}.${type.ext}`;
  const file = path.join(uploadsDir(), logoPath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // A temporary name of this call only: the same logo uploaded twice at once shared one
  // (`<file>.<pid>.tmp`), and the second rename found it gone (500).
  const temp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  try {
    await fs.writeFile(temp, options.bytes);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }

  const tenant = await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: options.tenantId }, select: { logoPath: true } });
    if (!before) throw new StudioNotFoundError("Tenant");
    const after = await tx.tenant.update({ where: { id: options.tenantId }, data: { logoPath }, select: studioTenantSelect });
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: "tenant.logo",
      targetType: "tenant",
      targetId: options.tenantId,
      tenantId: options.tenantId,
      before: { logoPath: before.logoPath },
      after: { logoPath, bytes: options.bytes.length, contentType: type.contentType },
    });
    return after;
  });
  invalidateTenantCache({ tenantId: options.tenantId });
  return tenant;
}
