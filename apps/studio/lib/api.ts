import { StudioError, StudioValidationError } from "@real-estate/operator";
import { assertSameOrigin, errorResponse, HttpError, jsonError, readBody, zodFieldErrors } from "@real-estate/http";
import { z, ZodError } from "zod";
import { operatorFromRequest, type Operator } from "./operator";

export const notFoundResponse = () => jsonError(404, "not_found");

/** The request layer's answer (@real-estate/http), with the operator package's errors in the same shape. */
export function studioErrorResponse(error: unknown): Response {
  if (error instanceof StudioError)
    return errorResponse(new HttpError(error.status, error.code, error.message, error.fields ? { fields: error.fields } : {}), "studio");
  return errorResponse(error, "studio");
}

/** Reads a JSON body of at most `maxBytes` (default 256 KiB) through the shared reader; an empty body is `{}`. */
export async function readJson(request: Request, maxBytes = 256 * 1024): Promise<unknown> {
  return (await readBody(request, { maxBytes, accept: ["json"] })).data;
}

/**
 * A list route's query-string problem as the answer: 400 `validation_failed` naming the parameter
 * (as the CRM's list APIs answer), for a zod error or the operator package's validation error.
 * Anything else is passed on. A malformed or out-of-range parameter is never read as if absent.
 */
export function queryError(error: unknown): unknown {
  const message = "Some query parameters are not valid";
  if (error instanceof ZodError) return new HttpError(400, "validation_failed", message, { fields: zodFieldErrors(error) });
  if (error instanceof StudioValidationError) return new HttpError(400, "validation_failed", message, { fields: error.fields ?? {} });
  return error;
}

/** Reads the named query parameters through `schema` (an empty parameter is absent); 400 naming any that is wrong. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S, names: readonly string[]): z.output<S> {
  const params = new URL(request.url).searchParams;
  const parsed = schema.safeParse(Object.fromEntries(names.map((n) => [n, params.get(n) || undefined])));
  if (!parsed.success) throw queryError(parsed.error);
  return parsed.data;
}

/** `?limit=`: a whole number from 1 to `max` written in digits (not `1e3`, `0x10` or `2.5`); `fallback` when absent. */
export const zPageLimit = (max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const n = /^\d{1,7}$/.test(v) ? Number(v) : NaN;
      if (!(n >= 1 && n <= max)) {
        ctx.addIssue({ code: "custom", message: `limit is a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

type Handler<P> = (request: Request, ctx: { params: P; operator: Operator }) => Promise<Response>;

/**
 * Wraps a studio API handler: only operators get through (anyone else gets the same 404 as a
 * route that does not exist), cross-site writes are refused (403), and whatever the handler
 * throws becomes the request layer's JSON error with the right status (never a stack trace).
 */
export function operatorRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const operator = await operatorFromRequest(request);
      if (!operator) return notFoundResponse();
      await assertSameOrigin(request);
      return await handler(request, { params: await context.params, operator });
    } catch (error) {
      return studioErrorResponse(error);
    }
  };
}
