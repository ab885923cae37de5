import { InvalidCursorError, UnknownTenantFilterError } from "@real-estate/queue";
import { StudioValidationError } from "@real-estate/operator";

/** The library's filter errors are client input problems: 422 with the field named. */
export function filterError(error: unknown): unknown {
  if (error instanceof UnknownTenantFilterError) return new StudioValidationError({ tenant: [error.message] });
  if (error instanceof InvalidCursorError) return new StudioValidationError({ cursor: ["invalid cursor"] });
  return error;
}
