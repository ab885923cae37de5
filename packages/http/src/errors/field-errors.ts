import type { z } from "zod";
import type { FieldErrors } from "./http-error";

/** zod issues as `fields`: dotted path → messages (`body` for the root). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
