import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { listModuleEditor, type ModuleEditorRow } from "./list-module-editor";
import { ZModuleToggleInput, ZPageKind } from "./module-inputs";

/** Switches one module on or off for one kind of page; a module never configured goes last. */
export async function setModuleEnabled(options: {
  tenantId: string;
  pageKind: unknown;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
}): Promise<ModuleEditorRow[]> {
  const db = options.db ?? getDb();
  const pageKind = parseInput(ZPageKind, options.pageKind);
  const { moduleKey, enabled } = parseInput(ZModuleToggleInput, options.input);
  const { tenantId } = options;
  if (!isUuid(tenantId)) throw new StudioNotFoundError("Tenant");
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!tenant) throw new StudioNotFoundError("Tenant");
    const where = { tenantId_pageKind_moduleKey: { tenantId, pageKind, moduleKey } };
    const before = await tx.moduleConfig.findUnique({ where, select: { enabled: true } });
    const last = await tx.moduleConfig.aggregate({ where: { tenantId, pageKind }, _max: { sortOrder: true } });
    await tx.moduleConfig.upsert({
      where,
      create: { tenantId, pageKind, moduleKey, enabled, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      update: { enabled },
    });
    if ((before?.enabled ?? false) !== enabled || !before) {
      await recordOperatorAction(tx, {
        actor: options.actor,
        action: enabled ? "module.enable" : "module.disable",
        targetType: `modules:${pageKind}`,
        targetId: moduleKey,
        tenantId,
        before: { moduleKey, enabled: before?.enabled ?? false },
        after: { moduleKey, enabled },
      });
    }
    return listModuleEditor({ tenantId, pageKind, db: tx });
  });
}
