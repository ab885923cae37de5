import { MODULE_LABELS, WEBSITE_MODULE_KEYS, ZModuleSettings, type ModuleSettings, type PageKindData, type WebsiteModuleKey } from "@real-estate/types";
import type { Db, DbTx } from "@real-estate/db";
import { getDb } from "@real-estate/db";

export type ModuleEditorRow = {
  moduleKey: WebsiteModuleKey;
  label: string;
  enabled: boolean;
  sortOrder: number;
  settings: ModuleSettings;
  /** false when the tenant has never configured this module (it is then off). */
  configured: boolean;
};

/**
 * Every module for one kind of page, in the tenant's order: configured modules first, then the
 * ones the tenant has never configured (off), in the default order.
 */
export async function listModuleEditor(options: { tenantId: string; pageKind: PageKindData; db?: Db | DbTx }): Promise<ModuleEditorRow[]> {
  const db = options.db ?? getDb();
  const rows = await db.moduleConfig.findMany({
    where: { tenantId: options.tenantId, pageKind: options.pageKind },
    orderBy: [{ sortOrder: "asc" }, { moduleKey: "asc" }],
    select: { moduleKey: true, enabled: true, sortOrder: true, settings: true },
  });
  const byKey = new Map(rows.map((r) => [r.moduleKey, r]));
  const configured: ModuleEditorRow[] = [];
  const rest: ModuleEditorRow[] = [];
  for (const r of rows) {
    if (!(WEBSITE_MODULE_KEYS as readonly string[]).includes(r.moduleKey)) continue;
    const key = r.moduleKey as WebsiteModuleKey;
    const settings = ZModuleSettings.safeParse(r.settings);
    configured.push({
      moduleKey: key,
      label: MODULE_LABELS[key],
      enabled: r.enabled,
      sortOrder: r.sortOrder,
      settings: settings.success ? settings.data : {},
      configured: true,
    });
  }
  for (const key of WEBSITE_MODULE_KEYS) {
    if (!byKey.has(key)) rest.push({ moduleKey: key, label: MODULE_LABELS[key], enabled: false, sortOrder: 1000, settings: {}, configured: false });
  }
  return [...configured, ...rest];
}
