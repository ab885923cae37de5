import { isStorableText, stripUnstorable } from "@real-estate/types";
import { ValidationError } from "../errors/http-error";

/** What a field with a NUL byte, a lone surrogate or malformed percent-encoding is told. */
export const UNSTORABLE_MESSAGE = "contains characters that cannot be stored (a NUL byte or a broken character)";

/**
 * The path of the first string (value or object key) in `value` that PostgreSQL cannot store,
 * or null. Paths are dotted (`contact.email`, `tags.2`); `root` names the value itself.
 */
export function findUnstorable(value: unknown, root = "body", depth = 0): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : root;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const path = root === "body" ? key : `${root}.${key}`;
    if (!isStorableText(key)) return path;
    const found = findUnstorable(child, path, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a body, query or form whose text PostgreSQL cannot store (422 naming the field), after
 * stripping such characters from `stripFields`: top-level free-text fields a browser fills
 * (referrer, UTM values), where dropping a broken character loses nothing a person wrote.
 */
export function assertStorable<T>(value: T, options: { stripFields?: readonly string[]; root?: string } = {}): T {
  let checked: unknown = value;
  if (options.stripFields?.length && value && typeof value === "object" && !Array.isArray(value)) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const name of options.stripFields) if (typeof copy[name] === "string") copy[name] = stripUnstorable(copy[name]);
    checked = copy;
  }
  const field = findUnstorable(checked, options.root ?? "body");
  if (field) throw new ValidationError({ [field]: [UNSTORABLE_MESSAGE] });
  return checked as T;
}

/**
 * The decoded text of a percent-encoded URL part, or null when it is malformed (invalid UTF-8
 * such as an encoded lone surrogate) or decodes to text PostgreSQL cannot store.
 */
export function decodeStorable(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return isStorableText(decoded) ? decoded : null;
}

/**
 * The first path segment or query parameter of `url` that cannot be stored, as a field name
 * (`path`, or the parameter's name), or null. For proxy.ts: refuses such a URL before any page
 * or route runs.
 */
export function findUnstorableUrlPart(url: URL): string | null {
  for (const segment of url.pathname.split("/")) if (decodeStorable(segment) === null) return "path";
  const query = url.search.startsWith("?") ? url.search.slice(1) : url.search;
  if (!query) return null;
  for (const pair of query.split("&")) {
    const [rawName = "", rawValue = ""] = pair.split(/=(.*)/s, 2);
    const name = decodeStorable(rawName.replace(/\+/g, " "));
    if (name === null) return "query";
    if (decodeStorable(rawValue.replace(/\+/g, " ")) === null) return name;
  }
  return null;
}
