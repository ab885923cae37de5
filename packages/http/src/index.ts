/**
 * @real-estate/http: the one request layer of the three apps. The client's address (set by the
 * app server, `real-estate-serve`), rate-limit keys, body reading with a byte cap, one error
 * shape (routes throw, `errorResponse` answers), zod field errors, the same-origin check, safe
 * redirect targets, the unstorable-text guard and the security headers.
 */
export { CLIENT_ADDRESS_HEADER, UNKNOWN_CLIENT_ADDRESS, clientAddress } from "./client-address/client-address";
export { addressBucket, rateLimitKey } from "./rate-limit/rate-limit-key";
export { bodyKind, MAX_JSON_DEPTH, readBody, readBytes, type BodyKind, type ReadBodyOptions } from "./body/read-body";
export {
  CrossSiteRequestError,
  HttpError,
  MalformedRequestError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldErrors,
} from "./errors/http-error";
export { zodFieldErrors } from "./errors/field-errors";
export { errorResponse, jsonError, jsonResponse, withErrorResponses } from "./errors/error-response";
export { assertSameOrigin, isSameOrigin } from "./origin/same-origin";
export { safeRedirectPath } from "./redirect/safe-redirect";
export { REQUEST_ID_HEADER, requestIdOf } from "./request-id/request-id-header";
export { assertStorable, decodeStorable, findUnstorable, findUnstorableUrlPart, UNSTORABLE_MESSAGE } from "./text/unstorable-text";
export { baselineSecurityHeaders, contentSecurityPolicy, createNonce, pageSecurityHeaders, type AppKind } from "./headers/security-headers";
export { createRateLimiter, RATE_LIMIT_TABLE, type RateLimitHit, type RateLimitPgPool, type SharedRateLimiter } from "./rate-limit/shared-rate-limiter";
