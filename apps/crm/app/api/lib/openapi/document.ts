// The OpenAPI 3.1 document of the CRM REST API, generated from the same zod schemas the
// routes validate with (contracts.ts and the query shapes in query-params.ts). One module per
// entity describes its paths; this one puts them together in the document's order.
import { actionPlanPaths } from "./action-plans";
import { apiKeyPaths } from "./api-keys";
import { activityPaths } from "./activities";
import { componentSchemas } from "./components";
import { contactPaths } from "./contacts";
import { withDocumentConventions } from "./conventions";
import { err } from "./helpers";
import { leadPaths } from "./leads";
import { partnerEventPaths } from "./partner-events";
import { profilePaths } from "./profile";
import { myDayPaths, taskPaths } from "./tasks";
import { webhookPaths } from "./webhooks";

export function buildOpenApiDocument() {
  return withDocumentConventions({
    openapi: "3.1.0",
    info: {
      title: "Real-estate CRM API",
      version: "1.0.0",
      description:
        "Per-tenant CRM API. The tenant is the request's host. Authenticate with a member session cookie or `Authorization: Bearer <api key>`. " +
        'An API key has the scopes chosen at its creation: "read" (GET) and/or "write" (POST, PATCH, DELETE); a request needing a scope the key lacks answers 403 `insufficient_scope` with `requiredScope`. ' +
        "Each key may make its own number of requests per minute (default 600), and each signed-in member a number set by the operator (default 1,200): answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, and a request over the limit answers 429 with `Retry-After`.",
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: 'An API key (`rek_…`) with the scope the method needs: "read" for GET, "write" otherwise' },
        basicKey: { type: "http", scheme: "basic", description: "The API key as the user name, any or no password" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "re.session_token",
          description: "The CRM's sign-in cookie; over HTTPS its name is `__Secure-re.session_token`",
        },
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      ...leadPaths(),
      ...contactPaths(),
      ...activityPaths(),
      ...taskPaths(),
      ...actionPlanPaths(),
      ...myDayPaths(),
      ...partnerEventPaths(),
      ...webhookPaths(),
      ...apiKeyPaths(),
      ...profilePaths(),
      "/api/auth/session": {
        get: {
          summary: "The signed-in user and their membership here",
          security: [{ session: [] }],
          responses: { "200": { description: "OK" }, "401": err("Signed out") },
        },
      },
    },
  });
}
