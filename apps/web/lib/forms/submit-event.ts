import { ZodError } from "zod";
import type { WebsiteEventInput } from "@real-estate/types";
import { enqueueWebsiteEvent, IdempotencyConflictError, isDataExceptionError, requestHash } from "@real-estate/queue";
import type { BodyKind } from "@real-estate/http";
import { htmlProblem, jsonError, serviceUnavailable, seeOther } from "./responses";

/** The answer to an accepted submission: 202 JSON, or a redirect to the thank-you page for a form post. */
export function acceptedResponse(kind: BodyKind, eventId: string, thankYouPath: string, extra: Record<string, unknown> = {}) {
  if (kind === "form") return seeOther(thankYouPath);
  return Response.json({ eventId, status: "queued", ...extra }, { status: 202, headers: { "cache-control": "no-store" } });
}

/** 422 with field messages (JSON), or a short page listing them (form post). */
export function invalidResponse(kind: BodyKind, fields: Record<string, string>, backPath: string) {
  if (kind === "form") return htmlProblem(422, "Please check the form", Object.values(fields), backPath);
  return jsonError(422, "validation_failed", { fields });
}

/** The fingerprint an eventId is bound to: the form and what the visitor sent (not the server's stamps). */
export function submissionHash(form: string, input: Record<string, unknown>): string {
  const { eventId: _eventId, ...sent } = input;
  return requestHash({ form, ...sent });
}

/** 409: the eventId was used before for another submission; nothing was stored. */
export function conflictResponse(kind: BodyKind, error: IdempotencyConflictError, backPath: string) {
  if (kind === "form") {
    return htmlProblem(409, "This form was already sent with other details", ["Nothing was saved. Reload the form and send it again."], backPath);
  }
  return jsonError(409, "idempotency_conflict", { eventId: error.eventId, originalEventType: error.originalEventType, message: error.message });
}

/**
 * Queues the event durably and answers. The same eventId with the same submission answers as the
 * first time; with another submission (or for another form) 409, nothing stored. A database that
 * cannot take it answers 503 with Retry-After; a value the database refuses for what it is (a
 * retry would fail the same way) 422. Never a 202 for something not queued, never a 500.
 */
export async function enqueueAndRespond(options: {
  tenantId: string;
  kind: BodyKind;
  event: WebsiteEventInput;
  /** submissionHash of what the client sent. */
  requestHash: string;
  thankYouPath: string;
  backPath: string;
  extra?: Record<string, unknown>;
}): Promise<Response> {
  try {
    const result = await enqueueWebsiteEvent({ tenantId: options.tenantId, event: options.event, requestHash: options.requestHash });
    return acceptedResponse(options.kind, result.eventId, options.thankYouPath, options.extra);
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = Object.fromEntries(error.issues.map((i) => [i.path.slice(-1).join(".") || "form", i.message]));
      return invalidResponse(options.kind, fields, options.backPath);
    }
    if (error instanceof IdempotencyConflictError) return conflictResponse(options.kind, error, options.backPath);
    if (isDataExceptionError(error))
      return invalidResponse(options.kind, { form: "The form contains text we cannot store; please check it and send it again." }, options.backPath);
    console.error(`web: could not queue ${options.event.type}: ${(error as Error).message?.split("\n").slice(-1)[0]}`);
    if (options.kind === "form") {
      const res = htmlProblem(503, "Please try again in a moment", ["We could not record your request just now; nothing was sent."], options.backPath);
      res.headers.set("retry-after", "5");
      return res;
    }
    return serviceUnavailable();
  }
}
