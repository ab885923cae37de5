import { escapeLiteral } from "pg";

/**
 * A parameter value as an SQL literal of unknown type: what node-postgres sends for a parameter
 * (its text, the type left to the server), so the statement means the same. null for a value
 * this does not render (the caller then sends the statement with parameters).
 */
function literal(value: unknown): string | null {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (!["string", "number", "bigint", "boolean"].includes(typeof value)) return null;
  const text = String(value as string | number | bigint | boolean);
  if (text.includes("\0")) return null;
  // node-postgres's own quoting: quotes doubled, and with a backslash E'' with it doubled, which
  // reads the same whatever standard_conforming_strings is.
  return escapeLiteral(text);
}

/**
 * `text` with its `$1`, `$2`... replaced by the literals of `values`, to be sent in one
 * simple-protocol message with other statements (the simple protocol takes no parameters).
 * Only for one statement whose every `$` is a parameter: null when the text has a string
 * literal, a comment, a dollar quote, a `;` inside, a parameter without a value, or a value
 * `literal` does not render.
 */
export function inlineParameters(text: string, values: readonly unknown[]): string | null {
  const statement = text.trim().replace(/;+$/, "");
  const outsideIdentifiers = statement.replace(/"[^"]*"/g, '""');
  if (/['`;\\]|--|\/\*|\$(?!\d)/.test(outsideIdentifiers) || /\$/.test(statement.match(/"[^"]*"/g)?.join("") ?? "")) return null;
  let unrendered = false;
  const inlined = statement.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    const rendered = index >= 0 && index < values.length ? literal(values[index]) : null;
    if (rendered === null) unrendered = true;
    return rendered ?? "";
  });
  return unrendered ? null : inlined;
}
