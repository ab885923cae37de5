import crypto from "node:crypto";
import { webEnv } from "@/lib/env";
import { fieldErrors, flattenContact } from "@/lib/forms/fields";
import { ZLeadSubmission } from "@/lib/forms/lead-schema";
import { readBody } from "@/lib/forms/read-body";

export const dynamic = "force-dynamic";

/**
 * The benchmark's baseline for POST /api/lead (bench/, scenario lead-endpoint): the same body
 * reading and validation, then 202 without touching the database. Exists only when the server
 * runs with BENCH_ROUTES=1; otherwise it answers 404 like any unknown route.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_ROUTES !== "1") return Response.json({ error: "not_found" }, { status: 404 });
  if (!request.headers.get("x-tenant-id")) return Response.json({ error: "unknown_tenant" }, { status: 404 });
  const body = await readBody(request, webEnv().WEB_MAX_BODY_BYTES);
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status });
  const parsed = ZLeadSubmission.safeParse(flattenContact(body.data));
  if (!parsed.success) return Response.json({ error: "validation_failed", fields: fieldErrors(parsed.error) }, { status: 422 });
  const eventId = parsed.data.eventId ?? crypto.randomUUID();
  return Response.json({ eventId, status: "queued" }, { status: 202, headers: { "cache-control": "no-store" } });
}
