import { ZodError } from "zod";
import type { TWebsiteEventInput } from "@real-estate/types";
import { enqueueWebsiteEvent } from "@real-estate/db/queue";
import type { TBodyKind } from "./read-body";
import { htmlProblem, jsonError, serviceUnavailable, seeOther } from "./responses";

/** The answer to an accepted submission: 202 JSON, or a redirect to the thank-you page for a form post. */
export function acceptedResponse(kind: TBodyKind, eventId: string, thankYouPath: string, extra: Record<string, unknown> = {}) {
  if (kind === "form") return seeOther(thankYouPath);
  return Response.json({ eventId, status: "queued", ...extra }, { status: 202, headers: { "cache-control": "no-store" } });
}

/** 422 with field messages (JSON), or a short page listing them (form post). */
export function invalidResponse(kind: TBodyKind, fields: Record<string, string>, backPath: string) {
  if (kind === "form") return htmlProblem(422, "Please check the form", Object.values(fields), backPath);
  return jsonError(422, "validation_failed", { fields });
}

/**
 * Queues the event durably and answers. A database that cannot take it answers 503 with
 * Retry-After: never a 202 for something not queued, never a 500.
 */
export async function enqueueAndRespond(options: {
  tenantId: string;
  kind: TBodyKind;
  event: TWebsiteEventInput;
  thankYouPath: string;
  backPath: string;
  extra?: Record<string, unknown>;
}): Promise<Response> {
  try {
    const result = await enqueueWebsiteEvent({ tenantId: options.tenantId, event: options.event });
    return acceptedResponse(options.kind, result.eventId, options.thankYouPath, options.extra);
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = Object.fromEntries(error.issues.map((i) => [i.path.slice(-1).join(".") || "form", i.message]));
      return invalidResponse(options.kind, fields, options.backPath);
    }
    console.error(`web: could not queue ${options.event.type}: ${(error as Error).message?.split("\n").slice(-1)[0]}`);
    if (options.kind === "form") {
      const res = htmlProblem(503, "Please try again in a moment", ["We could not record your request just now; nothing was sent."], options.backPath);
      res.headers.set("retry-after", "5");
      return res;
    }
    return serviceUnavailable();
  }
}
