import { WEBSITE_MODULE_KEYS, ZModuleSettings, type ModuleConfigData, type PageKindData, type WebsiteModuleKey } from "@real-estate/types";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * The modules a tenant shows on a kind of page, in the tenant's order. A module the tenant has
 * never configured is off. Pass `includeDisabled` for the studio's editor.
 */
export async function listPageModules(options: { tenantId: string; pageKind: PageKindData; includeDisabled?: boolean; db?: Db }): Promise<ModuleConfigData[]> {
  const db = options.db ?? getDb();
  const rows = await db.moduleConfig.findMany({
    where: { tenantId: options.tenantId, pageKind: options.pageKind, ...(options.includeDisabled ? {} : { enabled: true }) },
    orderBy: [{ sortOrder: "asc" }, { moduleKey: "asc" }],
    select: { pageKind: true, moduleKey: true, enabled: true, sortOrder: true, settings: true },
  });
  return rows
    .filter((r): r is typeof r & { moduleKey: WebsiteModuleKey } => (WEBSITE_MODULE_KEYS as readonly string[]).includes(r.moduleKey))
    .map((r) => {
      const settings = ZModuleSettings.safeParse(r.settings);
      return { ...r, settings: settings.success ? settings.data : {} };
    });
}
