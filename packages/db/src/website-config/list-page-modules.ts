import { WEBSITE_MODULE_KEYS, ZModuleSettings, type TModuleConfig, type TPageKind, type TWebsiteModuleKey } from "@real-estate/types";
import type { Db } from "../client/create-client";
import { getDb } from "../client/shared-client";

/**
 * The modules a tenant shows on a kind of page, in the tenant's order. A module the tenant has
 * never configured is off. Pass `includeDisabled` for the studio's editor.
 */
export async function listPageModules(options: {
  tenantId: string;
  pageKind: TPageKind;
  includeDisabled?: boolean;
  db?: Db;
}): Promise<TModuleConfig[]> {
  const db = options.db ?? getDb();
  const rows = await db.moduleConfig.findMany({
    where: { tenantId: options.tenantId, pageKind: options.pageKind, ...(options.includeDisabled ? {} : { enabled: true }) },
    orderBy: [{ sortOrder: "asc" }, { moduleKey: "asc" }],
    select: { pageKind: true, moduleKey: true, enabled: true, sortOrder: true, settings: true },
  });
  return rows
    .filter((r): r is typeof r & { moduleKey: TWebsiteModuleKey } => (WEBSITE_MODULE_KEYS as readonly string[]).includes(r.moduleKey))
    .map((r) => {
      const settings = ZModuleSettings.safeParse(r.settings);
      return { ...r, settings: settings.success ? settings.data : {} };
    });
}
