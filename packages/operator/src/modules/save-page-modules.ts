import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { listModuleEditor, type ModuleEditorRow } from "./list-module-editor";
import { ZPageKind, ZPageModulesInput } from "./module-inputs";

const summary = (rows: ModuleEditorRow[]) => rows.map((r) => ({ moduleKey: r.moduleKey, enabled: r.enabled, settings: r.settings }));

/**
 * Saves one page kind's modules for a tenant: on/off, order (the list's order) and settings,
 * in one transaction, with the whole list before and after in the audit log.
 */
export async function savePageModules(options: {
  tenantId: string;
  pageKind: unknown;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
}): Promise<ModuleEditorRow[]> {
  const db = options.db ?? getDb();
  const pageKind = parseInput(ZPageKind, options.pageKind);
  const { modules } = parseInput(ZPageModulesInput, options.input);
  const { tenantId } = options;
  if (!isUuid(tenantId)) throw new StudioNotFoundError("Tenant");
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!tenant) throw new StudioNotFoundError("Tenant");
    const before = await listModuleEditor({ tenantId, pageKind, db: tx });
    for (const [sortOrder, m] of modules.entries()) {
      await tx.moduleConfig.upsert({
        where: { tenantId_pageKind_moduleKey: { tenantId, pageKind, moduleKey: m.moduleKey } },
        create: { tenantId, pageKind, moduleKey: m.moduleKey, enabled: m.enabled, sortOrder, settings: m.settings },
        update: { enabled: m.enabled, sortOrder, settings: m.settings },
      });
    }
    const after = await listModuleEditor({ tenantId, pageKind, db: tx });
    if (JSON.stringify(summary(before)) !== JSON.stringify(summary(after))) {
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: "modules.save",
        targetType: `modules:${pageKind}`,
        targetId: pageKind,
        tenantId,
        before: summary(before),
        after: summary(after),
      });
    }
    return after;
  });
}
