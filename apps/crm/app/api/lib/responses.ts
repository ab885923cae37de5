import type { z } from "zod";
import { resolveTenantByHost } from "@real-estate/sites";
import type { ResolvedTenant } from "@real-estate/types";
import { errorResponse, jsonError as sharedJsonError, jsonResponse, readBody, ValidationError, zodFieldErrors, type FieldErrors } from "@real-estate/http";

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
  | "last_identity"
  | "precondition_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "cross_site_request"
  | "idempotency_conflict"
  | "service_unavailable"
  | "endpoint_disabled"
  | "insufficient_scope"
  | "rate_limited"
  | "session_required"
  | "api_key_revoked"
  | "idempotency_in_progress"
  | "method_not_allowed";

/** The request layer's error shape (@real-estate/http), with the CRM API's codes. */
export function jsonError(
  status: number,
  error: ApiErrorCode,
  extra: { fields?: FieldErrors; [key: string]: unknown } = {},
  headers: Record<string, string> = {},
): Response {
  return sharedJsonError(status, error, extra, headers);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonResponse(body, { status, headers });
}

export const zodFields = zodFieldErrors;

/**
 * Reads and validates a JSON body through the shared reader: 415 when it is not JSON, 413 when
 * too large, 400 when it does not parse, 422 (or `invalidStatus`) when it breaks the contract
 * or holds text that cannot be stored (naming the field).
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: {
    /** Status for a body that breaks the contract (default 422; the Follow Up Boss-compatible API answers 400). */
    invalidStatus?: number;
    /** Read a body sent without Content-Type, or as text/plain, as JSON (clients of the Follow Up Boss-compatible API do). */
    lenientContentType?: boolean;
  } = {},
): Promise<{ ok: true; value: z.output<S>; sent: unknown } | { ok: false; response: Response }> {
  let fields: FieldErrors;
  try {
    const { data } = await readBody(request, { maxBytes: MAX_BODY_BYTES, accept: ["json"], allowEmpty: false, lenientJson: options.lenientContentType });
    const parsed = schema.safeParse(data);
    if (parsed.success) return { ok: true, value: parsed.data, sent: data };
    fields = zodFieldErrors(parsed.error);
  } catch (error) {
    if (!(error instanceof ValidationError)) return { ok: false, response: errorResponse(error, "crm api") };
    fields = error.fields;
  }
  const status = options.invalidStatus ?? 422;
  // Follow Up Boss clients read `errorMessage`; ours read `error` and `fields`.
  const extra =
    status === 400
      ? {
          errorMessage: Object.entries(fields)
            .map(([k, v]) => `${k}: ${v.join("; ")}`)
            .join(". "),
          fields,
        }
      : { fields };
  return { ok: false, response: jsonError(status, "validation_failed", extra) };
}

/**
 * The tenant of a CRM API request's Host: 404 `unknown_tenant` when no CRM answers on it, 503
 * with Retry-After when the database cannot be asked (a busy or restarting database is not an
 * unknown brokerage).
 */
export async function tenantOfRequest(request: Request): Promise<{ ok: true; tenant: ResolvedTenant } | { ok: false; response: Response }> {
  let tenant: ResolvedTenant | null;
  try {
    tenant = await resolveTenantByHost({ host: request.headers.get("host"), kind: "CRM" });
  } catch {
    return { ok: false, response: jsonError(503, "service_unavailable", {}, { "retry-after": "5" }) };
  }
  return tenant ? { ok: true, tenant } : { ok: false, response: jsonError(404, "unknown_tenant") };
}
