/**
 * Errors the studio's data functions throw for things an operator can get wrong. Each carries
 * the HTTP status and body the studio answers with, so route handlers map them in one place.
 */
export class StudioError extends Error {
  constructor(
    readonly status: 404 | 409 | 413 | 422,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }

  toBody(): { error: string; message: string; fields?: Record<string, string[]> } {
    return { error: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

/** A record that does not exist, or belongs to another tenant: the two are indistinguishable. */
export class StudioNotFoundError extends StudioError {
  constructor(what: string) {
    super(404, "not_found", `${what} not found`);
  }
}

export class StudioConflictError extends StudioError {
  constructor(field: string, message: string) {
    super(409, "conflict", message, { [field]: [message] });
  }
}

export class StudioValidationError extends StudioError {
  constructor(fields: Record<string, string[]>, message = "Some fields are not valid") {
    super(422, "validation_failed", message, fields);
  }
}

/** True for Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
