import { createTask, listTasks, ZTaskCreate } from "@real-estate/crm";
import { authenticateApi } from "../lib/api-auth";
import { encodeCursor } from "../lib/query-params";
import { json, jsonError, readJsonBody } from "../lib/responses";
import { parseTaskListQuery, taskItem } from "../lib/task-contracts";
import { etagOf } from "../lib/etag";
import { apiRoutes } from "../lib/api-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /** GET /api/tasks — the tenant's tasks by due time: open (default), done or all; by assignee, lead, contact, due window. */
  async GET(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const parsed = parseTaskListQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return jsonError(400, "validation_failed", { fields: parsed.error.fields });
    const { assignedTo, leadId, contactId, status, dueFrom, dueBefore, cursor, limit } = parsed.value;
    if (assignedTo?.includes("me") && !auth.caller.membershipId)
      return jsonError(400, "validation_failed", { fields: { assignedTo: ['"me" needs a signed-in member, not an API key'] } });
    const assignees = assignedTo?.map((x) => (x === "unassigned" ? null : x === "me" ? auth.caller.membershipId : x));
    const page = await listTasks({
      tenantId: auth.caller.tenantId,
      filters: { leadId, contactId, status, dueFrom, dueBefore, assignedTo: assignees },
      cursor,
      limit,
    });
    return json({ items: page.items.map(taskItem), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor, "tasks") : null });
  },

  /** POST /api/tasks — a task on a lead or contact; its reminder is queued for the due time. 201 with the task. */
  async POST(request: Request) {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const body = await readJsonBody(request, ZTaskCreate);
    if (!body.ok) return body.response;
    const result = await createTask({
      tenantId: auth.caller.tenantId,
      input: body.value,
      actor: auth.caller.actor,
      actorMembershipId: auth.caller.membershipId,
    });
    if (!result.ok) {
      if (result.error === "unknown_assignee")
        return jsonError(422, "validation_failed", { fields: { assignedMembershipId: ["not a member of this brokerage"] } });
      if (result.error === "lead_contact_mismatch") return jsonError(422, "validation_failed", { fields: { contactId: ["not the lead's contact"] } });
      return jsonError(404, "not_found");
    }
    return json(taskItem(result.task), 201, { etag: etagOf(result.task.version), location: `/api/tasks/${result.task.id}` });
  },
});
