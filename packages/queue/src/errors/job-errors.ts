import { ZodError } from "zod";

export type IngestionErrorClass = "transient" | "permanent";

/** A failure that may pass on a later attempt (database unavailable, lock timeout, deadlock). */
export class TransientIngestionError extends Error {
  readonly errorClass = "transient" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientIngestionError";
  }
}

/** A failure no retry can fix (invalid payload, unknown tenant): the job is dead-lettered at once. */
export class PermanentIngestionError extends Error {
  readonly errorClass = "permanent" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentIngestionError";
  }
}

type AdapterCause = { originalCode?: string; code?: string; originalMessage?: string };

/** The PostgreSQL SQLSTATE of a failed query, whether it came through Prisma's adapter or `pg`. */
export function postgresErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } }; cause?: unknown } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause?.originalCode) return cause.originalCode;
  if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  if (e?.cause && e.cause !== error) return postgresErrorCode(e.cause);
  return undefined;
}

// SQLSTATEs that describe the data rather than the moment: retrying cannot help.
const PERMANENT_SQLSTATES = new Set([
  "23503", // foreign_key_violation: the job's tenant does not exist
  "22P02", // invalid_text_representation
  "22001", // string_data_right_truncation
  "22007", // invalid_datetime_format
  "22008", // datetime_field_overflow
]);

/**
 * True for a database error about the data itself (SQLSTATE class 22, data exception: a value
 * the column cannot hold, invalid text encoding): the same request fails the same way again, so
 * it is the client's 4xx, never a "try again" 503.
 */
export function isDataExceptionError(error: unknown): boolean {
  return postgresErrorCode(error)?.startsWith("22") ?? false;
}

/** Classifies any error thrown while processing a job. Unknown errors are transient. */
export function classifyIngestionError(error: unknown): IngestionErrorClass {
  if (error instanceof PermanentIngestionError) return "permanent";
  if (error instanceof TransientIngestionError) return "transient";
  if (error instanceof ZodError) return "permanent";
  const declared = (error as { errorClass?: unknown } | null)?.errorClass;
  if (declared === "permanent" || declared === "transient") return declared;
  const code = postgresErrorCode(error);
  if (code && PERMANENT_SQLSTATES.has(code)) return "permanent";
  return "transient";
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const NUMBER_RUN = /\+?\d[\d\s().-]{5,}\d/g;

/** Removes e-mail addresses and phone-like numbers (7+ digits), so errors can be logged and stored safely. */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, "[email]").replace(NUMBER_RUN, (run) => (run.replace(/\D/g, "").length >= 7 ? "[number]" : run));
}

/** One readable line for an error (no Prisma invocation banner), personal data removed, at most 1,000 chars. */
export function describeIngestionError(error: unknown): string {
  const e = error as { message?: string; meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  let message: string;
  if (cause?.originalMessage) message = `${cause.originalCode ?? ""} ${cause.originalMessage}`.trim();
  else if (error instanceof ZodError) message = error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  else
    message =
      (e?.message ?? String(error))
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .pop() ?? String(error);
  return scrubPersonalData(message).slice(0, 1000);
}

/** The first lines of a stack trace (personal data removed), enough to find the throwing code. */
export function shortStack(error: unknown, lines = 8): string | null {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== "string") return null;
  return scrubPersonalData(
    stack
      .split("\n")
      .slice(0, lines + 1)
      .join("\n"),
  ).slice(0, 2000);
}
