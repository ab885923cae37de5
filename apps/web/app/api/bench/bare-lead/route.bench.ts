import crypto from "node:crypto";
import { webEnv } from "@/lib/env";
import { fieldErrors, flattenContact } from "@/lib/forms/fields";
import { ZLeadSubmission } from "@/lib/forms/lead-schema";
import { errorResponse, readBody } from "@real-estate/http";

export const dynamic = "force-dynamic";

/**
 * The benchmark's baseline for POST /api/lead (bench/, scenario lead-endpoint): the same body
 * reading and validation, then 202 without touching the database. Compiled only into the
 * bench's build (`BENCH_ROUTES=1 next build`, see next.config.ts): production builds have no
 * such route.
 */
export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get("x-tenant-id")) return Response.json({ error: "unknown_tenant" }, { status: 404 });
  const body = await readBody(request, { maxBytes: webEnv().WEB_MAX_BODY_BYTES, accept: ["json", "form"] }).catch((error: unknown) => errorResponse(error));
  if (body instanceof Response) return body;
  const parsed = ZLeadSubmission.safeParse(flattenContact(body.data));
  if (!parsed.success) return Response.json({ error: "validation_failed", fields: fieldErrors(parsed.error) }, { status: 422 });
  const eventId = parsed.data.eventId ?? crypto.randomUUID();
  return Response.json({ eventId, status: "queued" }, { status: 202, headers: { "cache-control": "no-store" } });
}
