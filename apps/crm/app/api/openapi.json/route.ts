import { buildOpenApiDocument } from "../lib/openapi";

export const dynamic = "force-static";

/** GET /api/openapi.json — the API description, generated from the zod contracts. */
export function GET() {
  return Response.json(buildOpenApiDocument());
}
