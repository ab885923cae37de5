import { ZodError } from "zod";
import { zodFieldErrors } from "./field-errors";
import { HttpError } from "./http-error";

/** A JSON answer in the boundary's shape, never cached. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { "cache-control": "no-store", ...init.headers } });
}

/** `{ error, ...detail }` with a status: for the few answers a route builds without throwing. */
export function jsonError(status: number, error: string, detail: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error, ...detail }, { status, headers });
}

/**
 * The one place a thrown error becomes a response: an HttpError answers its status and body, a
 * ZodError 422 with `fields`, anything else 500 with a body that tells nothing (the error is
 * logged with the route's `label`).
 */
export function errorResponse(error: unknown, label = "request"): Response {
  if (error instanceof HttpError) return jsonResponse(error.toBody(), { status: error.status, headers: error.headers });
  if (error instanceof ZodError) return jsonError(422, "validation_failed", { fields: zodFieldErrors(error) });
  console.error(`[http] ${label}: unexpected error`, error);
  return jsonError(500, "internal_error", { message: "Something went wrong; nothing was changed if the action did not complete." });
}

/**
 * Wraps a route handler (cal.com's defaultResponder): the handler returns a Response or throws;
 * whatever it throws is answered by `errorResponse`.
 */
export function withErrorResponses<A extends unknown[]>(handler: (...args: A) => Promise<Response>, label?: string): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, label);
    }
  };
}
