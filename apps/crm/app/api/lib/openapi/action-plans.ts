import { body, common, err, ifMatchParam, leadIdParam, ok, uuidPathParam } from "./helpers";

/** `/api/action-plans` and a lead's plans: the brokerage's plans, starting and stopping one on a lead. */
export function actionPlanPaths() {
  const planIdParam = uuidPathParam("planId");
  const leadPlanIdParam = uuidPathParam("leadPlanId");
  return {
    "/api/action-plans": {
      get: {
        summary: "List action plans (`archived=include` adds archived ones), each with how many leads it runs on",
        parameters: [{ name: "archived", in: "query", required: false, schema: { type: "string", enum: ["include"] } }],
        responses: { "200": ok("ActionPlanList"), ...common },
      },
      post: {
        summary: "Add an action plan: steps (a task for the lead's agent, or an e-mail to the lead) at offsets from its start (owners, API keys)",
        requestBody: body("ActionPlanCreate"),
        responses: { "201": ok("ActionPlan", "Created"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common },
      },
    },
    "/api/action-plans/{planId}": {
      get: { summary: "Get an action plan (ETag: its version)", parameters: [planIdParam], responses: { "200": ok("ActionPlan"), ...common } },
      patch: {
        summary: "Rename, replace the steps, archive or restore a plan (owners, API keys); runs already started keep their steps",
        parameters: [planIdParam, ifMatchParam],
        requestBody: body("ActionPlanPatch"),
        responses: {
          "200": ok("ActionPlan"),
          "400": err("Malformed JSON"),
          "412": err("Changed since read (returned as `current`)"),
          "422": err("Invalid body"),
          ...common,
        },
      },
    },
    "/api/leads/{leadId}/plans": {
      get: {
        summary: "The lead's action plans with each step's state and the next step",
        parameters: [leadIdParam],
        responses: { "200": ok("LeadPlanList"), ...common },
      },
      post: {
        summary: "Start an action plan on the lead (once: a plan already running answers 200 with its run)",
        parameters: [leadIdParam],
        requestBody: body("LeadPlanStart"),
        responses: {
          "201": ok("LeadPlan", "Started"),
          "200": ok("LeadPlan", "Already running"),
          "400": err("Malformed JSON"),
          "422": err("Not a plan of this brokerage, or archived"),
          ...common,
        },
      },
    },
    "/api/leads/{leadId}/plans/{leadPlanId}/stop": {
      post: {
        summary: "Stop the lead's plan: its open steps are cancelled; tasks already made stay",
        parameters: [leadIdParam, leadPlanIdParam],
        requestBody: body("LeadPlanStop"),
        responses: { "200": ok("LeadPlan"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common },
      },
    },
    "/api/leads/{leadId}/plans/{leadPlanId}/resume": {
      post: {
        summary: "Resume a paused plan: its open steps move on by the time it was paused (a plan not paused answers as it is)",
        parameters: [leadIdParam, leadPlanIdParam],
        requestBody: body("LeadPlanResume"),
        responses: { "200": ok("LeadPlan"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common },
      },
    },
  };
}
