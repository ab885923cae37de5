import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseInput } from "../shared/parse-input";
import { ZAreaKind, ZAreaUpdateInput } from "./area-inputs";
import { getArea, type AreaDetail } from "./get-area";

/** Edits a town's or neighbourhood's name, summary and module content (validated with ZAreaContent). */
export async function updateAreaContent(options: {
  tenantId: string;
  kind: unknown;
  areaId: string;
  actor: OperatorActor;
  input: unknown;
  db?: Db;
}): Promise<AreaDetail> {
  const db = options.db ?? getDb();
  const kind = parseInput(ZAreaKind, options.kind);
  const input = parseInput(ZAreaUpdateInput, options.input);
  const { tenantId, areaId } = options;
  if (!isUuid(tenantId) || !isUuid(areaId)) throw new StudioNotFoundError("Area");
  return db.$transaction(async (tx) => {
    const before = await getArea({ tenantId, kind, areaId, db: tx });
    const data = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      content: input.content as Prisma.InputJsonValue,
    };
    const where = { tenantId_id: { tenantId, id: areaId } };
    if (kind === "town") await tx.town.update({ where, data });
    else await tx.neighborhood.update({ where, data });
    const after = await getArea({ tenantId, kind, areaId, db: tx });
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: `${kind}.content`,
      targetType: kind,
      targetId: areaId,
      tenantId,
      before: { name: before.name, summary: before.summary, content: before.invalidContent ?? before.content },
      after: { name: after.name, summary: after.summary, content: after.content },
    });
    return after;
  });
}
