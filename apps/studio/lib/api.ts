import { StudioError } from "@real-estate/db/studio";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { operatorFromRequest, type Operator } from "./operator";

export const notFoundResponse = () => NextResponse.json({ error: "not_found" }, { status: 404 });

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof StudioError) return NextResponse.json(error.toBody(), { status: error.status });
  if (error instanceof ZodError) {
    const fields: Record<string, string[]> = {};
    for (const issue of error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return NextResponse.json({ error: "validation_failed", fields }, { status: 422 });
  }
  if (error instanceof BadRequest) return NextResponse.json({ error: error.code, message: error.message }, { status: error.status });
  console.error("[studio] unexpected error", error);
  return NextResponse.json({ error: "internal_error", message: "Something went wrong; nothing was changed if the action did not complete." }, { status: 500 });
}

export class BadRequest extends Error {
  constructor(
    readonly status: 400 | 403 | 409 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body of at most `maxBytes` (default 256 KiB); malformed JSON is a 400. */
export async function readJson(request: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new BadRequest(413, "too_large", "The request body is too large");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest(400, "malformed_json", "The request body is not valid JSON");
  }
}

/** Refuses a state-changing request sent by another site (the Origin must be this host). */
function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) throw new BadRequest(403, "cross_origin", "Cross-site requests are refused");
}

type Handler<P> = (request: Request, ctx: { params: P; operator: Operator }) => Promise<Response>;

/**
 * Wraps a studio API handler: only operators get through (anyone else gets the same 404 as a
 * route that does not exist), cross-site writes are refused, errors become JSON with the right
 * status (never a stack trace).
 */
export function operatorRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const operator = await operatorFromRequest(request);
      if (!operator) return notFoundResponse();
      assertSameOrigin(request);
      return await handler(request, { params: await context.params, operator });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
