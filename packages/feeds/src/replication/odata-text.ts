/** An OData string literal: single quotes, doubled inside. */
export function quoteODataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Both filters, each in parentheses; either may be empty. */
export function andFilters(a: string | null | undefined, b: string | null | undefined): string | null {
  const parts = [a, b].map((p) => p?.trim()).filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(" and ");
}

/** Records after (timestamp, key) in (ModificationTimestamp, key field) order (ListingKey by default). */
export function keysetFilter(cursor: { timestamp: Date | null; key: string | null }, keyField = "ListingKey"): string | null {
  if (!cursor.timestamp) return null;
  const ts = cursor.timestamp.toISOString();
  if (!cursor.key) return `ModificationTimestamp gt ${ts}`;
  return `ModificationTimestamp gt ${ts} or (ModificationTimestamp eq ${ts} and ${keyField} gt ${quoteODataString(cursor.key)})`;
}
