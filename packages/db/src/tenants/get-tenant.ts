import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

export const tenantSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  primaryColor: true,
  accentColor: true,
  logoPath: true,
  tagline: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TenantSelect;

export async function getTenant(options: { tenantId: string; db?: Db }) {
  const db = options.db ?? getDb();
  return db.tenant.findUnique({ where: { id: options.tenantId }, select: tenantSelect });
}

export async function getTenantBySlug(options: { slug: string; db?: Db }) {
  const db = options.db ?? getDb();
  return db.tenant.findUnique({ where: { slug: options.slug }, select: tenantSelect });
}
