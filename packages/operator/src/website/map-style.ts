import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { zMapStyleUrl } from "@real-estate/types";
import { z } from "zod";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";

/** { mapStyleUrl: "https://…" } sets the website's map style; "" returns it to the platform default. */
export function mapStyleInputSchema(options: { allowLoopbackHttp: boolean }) {
  return z.object({ mapStyleUrl: zMapStyleUrl(options) }).strict();
}

/** Outside production a style server on this machine (http://localhost…) may be named. */
const allowLoopbackHttp = () => process.env.NODE_ENV !== "production";

/** The map style URL a tenant's website was given in the studio (null: the platform default). */
export async function getMapStyleSetting(options: { tenantId: string; db?: Db }): Promise<string | null> {
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  const db = options.db ?? getDb();
  const row = await db.websiteConfig.findUnique({ where: { tenantId: options.tenantId }, select: { mapStyleUrl: true } });
  return row?.mapStyleUrl ?? null;
}

/** Sets (or clears) the MapLibre style of a tenant's website maps; records before/after when it changed. */
export async function setMapStyle(options: {
  tenantId: string;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
  allowLoopbackHttp?: boolean;
}): Promise<{ mapStyleUrl: string | null }> {
  const db = options.db ?? getDb();
  const { mapStyleUrl } = parseInput(mapStyleInputSchema({ allowLoopbackHttp: options.allowLoopbackHttp ?? allowLoopbackHttp() }), options.input);
  if (!isUuid(options.tenantId)) throw new StudioNotFoundError("Tenant");
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: options.tenantId }, select: { id: true, name: true } });
    if (!tenant) throw new StudioNotFoundError("Tenant");
    const before = await tx.websiteConfig.findUnique({ where: { tenantId: tenant.id }, select: { mapStyleUrl: true } });
    await tx.websiteConfig.upsert({
      where: { tenantId: tenant.id },
      create: { tenantId: tenant.id, siteTitle: tenant.name, heroHeadline: "Find your next home", mapStyleUrl },
      update: { mapStyleUrl },
    });
    if ((before?.mapStyleUrl ?? null) !== mapStyleUrl) {
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: "website.map-style",
        targetType: "tenant",
        targetId: tenant.id,
        tenantId: tenant.id,
        before: { mapStyleUrl: before?.mapStyleUrl ?? null },
        after: { mapStyleUrl },
      });
    }
    return { mapStyleUrl };
  });
}
