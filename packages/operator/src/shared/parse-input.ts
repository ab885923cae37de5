import type { z } from "zod";
import { StudioValidationError } from "./errors";

/** Parses input with a zod schema; a failure becomes a 422 with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw new StudioValidationError(fields);
}
