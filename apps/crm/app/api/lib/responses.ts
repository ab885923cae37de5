import { NextResponse } from "next/server";
import type { z } from "zod";
import type { FieldErrors } from "./query-params";

/** Largest JSON body the API reads (64 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

export type ApiErrorCode =
  | "validation_failed"
  | "malformed_json"
  | "unauthenticated"
  | "invalid_api_key"
  | "not_found"
  | "unknown_tenant"
  | "duplicate_contact"
  | "body_too_large"
  | "unsupported_media_type";

export function jsonError(status: number, error: ApiErrorCode, extra: { fields?: FieldErrors; [key: string]: unknown } = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { "cache-control": "no-store" } });
}

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function zodFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * Reads and validates a JSON body: 415 when it is not JSON, 413 when too large, 400 when it
 * does not parse, 422 when it parses but breaks the contract.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: NextResponse }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    return { ok: false, response: jsonError(415, "unsupported_media_type", { message: "send Content-Type: application/json" }) };
  }
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return { ok: false, response: jsonError(413, "body_too_large") };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "malformed_json", { message: "the body is not valid JSON" }) };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, response: jsonError(422, "validation_failed", { fields: zodFields(parsed.error) }) };
  return { ok: true, value: parsed.data };
}
