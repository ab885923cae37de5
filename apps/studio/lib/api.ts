import { StudioError } from "@real-estate/operator";
import { assertSameOrigin, errorResponse, HttpError, jsonError, readBody } from "@real-estate/http";
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
