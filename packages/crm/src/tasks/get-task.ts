import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "../shared/is-uuid";
import { taskSelect, type TaskRow } from "./task-select";

/** One task of the tenant, or null (another tenant's task is as missing as a deleted one). */
export async function getTask(options: { tenantId: string; taskId: string; db?: Db }): Promise<TaskRow | null> {
  if (!isUuid(options.taskId)) return null;
  const db = options.db ?? getDb();
  return db.task.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.taskId } }, select: taskSelect });
}
