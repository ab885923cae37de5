import type { Keyset, Page } from "./crm-selects";

/**
 * The where clause that continues a keyset-paginated list after `cursor`, for rows ordered by
 * (field, id) in `direction`. Ties on the field are broken by id, so no row is skipped or repeated.
 */
export function keysetWhere(field: string, direction: "asc" | "desc", cursor: Keyset | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const op = direction === "desc" ? "lt" : "gt";
  return { OR: [{ [field]: { [op]: cursor.value } }, { [field]: cursor.value, id: { [op]: cursor.id } }] };
}

/** Cuts a list fetched with limit + 1 rows into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, valueOf: (row: T) => Date): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? { value: valueOf(last), id: last.id } : null };
}
