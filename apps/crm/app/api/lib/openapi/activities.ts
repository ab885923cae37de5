import { activityListQueryShape } from "../query-params";
import { body, common, err, ok, queryParams } from "./helpers";

/** `/api/activities`: the timeline (list, log a note, call, meeting or email). */
export function activityPaths() {
  return {
    "/api/activities": {
      get: {
        summary: "List activities",
        parameters: queryParams(activityListQueryShape),
        responses: { "200": ok("ActivityList"), "400": err("Bad query"), ...common },
      },
      post: {
        summary: "Log a note, call, meeting or email",
        requestBody: body("ActivityCreate"),
        responses: { "201": ok("Activity", "Created"), "400": err("Malformed JSON"), "422": err("Invalid body"), ...common },
      },
    },
  };
}
