import type { FieldErrors } from "@real-estate/types";

export type { FieldErrors };

/**
 * An error a route throws to answer with a 4xx: `status`, a stable `code` (the body's `error`),
 * an optional human `message`, extra body fields and response headers. `errorResponse` turns it
 * into the one JSON shape: `{ error, message?, fields?, ... }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message?: string,
    readonly detail: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? code);
    this.name = "HttpError";
    this.hasMessage = message !== undefined;
  }

  private readonly hasMessage: boolean;

  toBody(): Record<string, unknown> {
    return { error: this.code, ...(this.hasMessage ? { message: this.message } : {}), ...this.detail };
  }
}

/** 400: the request cannot be read (malformed JSON, a body that is not an object). */
export class MalformedRequestError extends HttpError {
  constructor(code = "malformed_request", message = "The request could not be read") {
    super(400, code, message);
  }
}

/** 422: the request was read but breaks the contract; `fields` says where. */
export class ValidationError extends HttpError {
  constructor(
    readonly fields: FieldErrors,
    message?: string,
  ) {
    super(422, "validation_failed", message, { fields });
  }
}

/** 413: the body is larger than the route accepts. */
export class PayloadTooLargeError extends HttpError {
  constructor(readonly maxBytes: number) {
    super(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes`);
  }
}

/** 415: a body of a type the route does not read. */
export class UnsupportedMediaTypeError extends HttpError {
  constructor(accepted: string) {
    super(415, "unsupported_media_type", `Send Content-Type: ${accepted}`);
  }
}

/** 403: a state-changing request sent by another site. */
export class CrossSiteRequestError extends HttpError {
  constructor() {
    super(403, "cross_site_request", "Requests from other sites are refused");
  }
}

/** 429 with Retry-After. */
export class RateLimitedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `Too many requests; try again in ${retryAfterSeconds} seconds`, {}, { "retry-after": String(retryAfterSeconds) });
  }
}

/** 404, the same for "missing" and "not yours". */
export class NotFoundError extends HttpError {
  constructor(code = "not_found") {
    super(404, code);
  }
}
