import { getTask, isUuid, updateTask, ZTaskUpdate } from "@real-estate/crm";
import { authenticateApi } from "../../lib/api-auth";
import { expectedVersionFrom, preconditionFailed, versionedJson } from "../../lib/etag";
import { jsonError, readJsonBody } from "../../lib/responses";
import { taskItem } from "../../lib/task-contracts";
import { apiRoutes } from "../../lib/api-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ taskId: string }> };

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/tasks/{taskId} — one task (ETag: its version); 404 for unknown or another tenant's. */
  async GET(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { taskId } = await params;
    const task = await getTask({ tenantId: auth.caller.tenantId, taskId });
    if (!task) return jsonError(404, "not_found");
    return versionedJson(taskItem(task), task.version);
  },

  /**
   * PATCH /api/tasks/{taskId} — change kind, title, notes, due time, assignee; `done: true` completes
   * it (one completion activity on the timeline, `outcome` its text), `done: false` reopens it.
   * With If-Match, a task changed since answers 412 with the task as it is now.
   */
  async PATCH(request: Request, { params }: Params) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    // The body first, as on every write route: an oversized or malformed body is refused for what it is.
    const body = await readJsonBody(request, ZTaskUpdate);
    if (!body.ok) return body.response;
    const { taskId } = await params;
    if (!isUuid(taskId)) return jsonError(404, "not_found");
    const result = await updateTask({
      tenantId: auth.caller.tenantId,
      taskId,
      change: body.value,
      actor: auth.caller.actor,
      expectedVersion: expectedVersionFrom(request),
    });
    if (!result.ok) {
      if (result.error === "not_found") return jsonError(404, "not_found");
      if (result.error === "version_mismatch") {
        return preconditionFailed("task", taskItem(result.task), result.task.version);
      }
      return jsonError(422, "validation_failed", { fields: { assignedMembershipId: ["not a member of this brokerage"] } });
    }
    return versionedJson(taskItem(result.task), result.task.version);
  },
});
