import { z } from "zod";

/** A visitor's preferences (Visitor.preferences). */
export const ZVisitorPreferences = z
  .object({
    /** Email me new listings matching my saved searches. */
    emailAlerts: z.boolean().optional(),
    /** How the visitor prefers to be contacted. */
    contactMethod: z.enum(["email", "phone", "text"]).optional(),
  })
  .strict();
export type VisitorPreferences = z.infer<typeof ZVisitorPreferences>;

export type VisitorProfile = {
  id: string;
  email: string;
  name: string | null;
  /** E.164. */
  phone: string | null;
  phoneExtension: string | null;
  preferences: VisitorPreferences;
  createdAt: string;
};

export function parseVisitorPreferences(value: unknown): VisitorPreferences {
  const parsed = ZVisitorPreferences.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** Search parameters a saved search keeps (the /homes query parameters but the page). */
export const SAVED_SEARCH_KEYS = ["town", "minPrice", "maxPrice", "beds", "baths", "type", "status", "q", "sort"] as const;

/** The canonical form of a search query: known keys only, non-empty, sorted; the same search gives the same key. */
export function canonicalSearchQuery(query: Record<string, string | undefined>): { queryKey: string; query: Record<string, string> } {
  const entries = SAVED_SEARCH_KEYS.flatMap((k) => {
    const v = query[k]?.trim();
    return v ? [[k, v] as const] : [];
  }).sort(([a], [b]) => a.localeCompare(b));
  return { queryKey: new URLSearchParams(entries as [string, string][]).toString(), query: Object.fromEntries(entries) };
}
