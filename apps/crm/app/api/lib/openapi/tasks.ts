import { taskListQueryShape } from "../task-contracts";
import { body, common, err, ifMatchParam, ok, queryParams, uuidPathParam } from "./helpers";

/** `/api/tasks`: the list, adding one, reading and changing one. */
export function taskPaths() {
  const taskIdParam = uuidPathParam("taskId");
  return {
    "/api/tasks": {
      get: {
        summary: "List tasks by due time (open by default)",
        parameters: queryParams(taskListQueryShape),
        responses: { "200": ok("TaskList"), "400": err("Bad query"), ...common },
      },
      post: {
        summary: "Add a task on a lead or contact (its reminder e-mail is queued for the due time)",
        requestBody: body("TaskCreate"),
        responses: { "201": ok("Task", "Created"), "400": err("Malformed JSON"), "422": err("Invalid body, or an assignee who is not a member"), ...common },
      },
    },
    "/api/tasks/{taskId}": {
      get: { summary: "Get a task (ETag: its version)", parameters: [taskIdParam], responses: { "200": ok("Task"), ...common } },
      patch: {
        summary: "Change a task; `done: true` completes it (one activity on the timeline), `done: false` reopens it",
        parameters: [taskIdParam, ifMatchParam],
        requestBody: body("TaskPatch"),
        responses: {
          "200": ok("Task"),
          "400": err("Malformed JSON"),
          "412": err("Changed since read (returned as `current`)"),
          "422": err("Invalid body"),
          ...common,
        },
      },
    },
  };
}

/** `/api/my-day`: the signed-in member's open tasks (sessions only). */
export function myDayPaths() {
  return {
    "/api/my-day": {
      get: {
        summary: "The signed-in member's open tasks: overdue, today, next 7 days",
        security: [{ session: [] }],
        responses: { "200": ok("MyDay"), "400": err("Called with an API key (My day is a member's)"), ...common },
      },
    },
  };
}
