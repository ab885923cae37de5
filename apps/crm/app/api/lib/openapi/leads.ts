import { leadListQueryShape } from "../query-params";
import { body, common, err, ifMatchParam, leadIdParam, ok, queryParams } from "./helpers";

/** `/api/leads`: the list and one lead (read, change status or assignee). */
export function leadPaths() {
  return {
    "/api/leads": {
      get: {
        summary: "List leads",
        parameters: queryParams(leadListQueryShape),
        responses: { "200": ok("LeadList"), "400": err("Bad or unknown query parameter"), ...common },
      },
    },
    "/api/leads/{leadId}": {
      get: { summary: "Get a lead (ETag: its version)", parameters: [leadIdParam], responses: { "200": ok("LeadDetail"), ...common } },
      patch: {
        summary: "Change a lead's status and/or assignee (If-Match: only the version you read)",
        parameters: [leadIdParam, ifMatchParam],
        requestBody: body("LeadPatch"),
        responses: {
          "200": ok("LeadDetail"),
          "400": err("Malformed JSON"),
          "412": err("Changed since read (returned as `current`)"),
          "422": err("Invalid body"),
          ...common,
        },
      },
    },
  };
}
