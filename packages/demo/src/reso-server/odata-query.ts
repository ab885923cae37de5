// $filter, $orderby, $select, $top, $skip and $expand over an in-memory collection, with
// server-driven paging (@odata.nextLink) when more records remain.
import { compileODataFilter, ODataQueryError, type ResoRecord } from "./odata-filter";

export type ODataPage = { value: ResoRecord[]; nextLink: string | null };

function parseOrderBy(orderBy: string | null): { field: string; desc: boolean }[] {
  if (!orderBy?.trim()) return [];
  return orderBy.split(",").map((part) => {
    const [field, dir = "asc", extra] = part.trim().split(/\s+/);
    if (!field || !/^[A-Za-z][A-Za-z0-9_]*$/.test(field) || !["asc", "desc"].includes(dir.toLowerCase()) || extra) {
      throw new ODataQueryError(`invalid $orderby: ${orderBy}`);
    }
    return { field, desc: dir.toLowerCase() === "desc" };
  });
}

function parseCount(value: string | null, name: string): number | null {
  if (value === null) return null;
  if (!/^\d{1,9}$/.test(value)) throw new ODataQueryError(`invalid ${name}: ${value}`);
  return Number(value);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

export type QueryCollectionOptions = {
  url: URL;
  /** The records, and whether they are already in (ModificationTimestamp, ListingKey) order. */
  records: ResoRecord[];
  presortedBy?: string;
  expand?: Record<string, (record: ResoRecord) => ResoRecord[]>;
  /** Largest page the server sends, whatever $top asks. */
  maxPageSize: number;
  /**
   * Largest page of a keys-only request ($select of the key alone, no $expand), which servers
   * commonly allow larger than a page of whole records (default maxPageSize).
   */
  maxKeyPageSize?: number;
  /** The key field a keys-only request selects (ListingKey for Property). */
  keyField?: string;
  /** A $top above the page limit answered 400, as some servers do, instead of a smaller page. */
  refuseTopAbove?: boolean;
};

export function queryCollection(options: QueryCollectionOptions): ODataPage {
  const params = options.url.searchParams;
  const predicate = compileODataFilter(params.get("$filter"));
  const order = parseOrderBy(params.get("$orderby"));
  const top = parseCount(params.get("$top"), "$top");
  const skip = parseCount(params.get("$skip"), "$skip") ?? 0;
  const select =
    params
      .get("$select")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  const expandNames =
    params
      .get("$expand")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  for (const name of expandNames) if (!options.expand?.[name]) throw new ODataQueryError(`cannot $expand ${name}`);

  const keysOnly = options.keyField !== undefined && select?.length === 1 && select[0] === options.keyField && expandNames.length === 0;
  const limit = keysOnly ? (options.maxKeyPageSize ?? options.maxPageSize) : options.maxPageSize;
  if (options.refuseTopAbove && top !== null && top > limit) throw new ODataQueryError(`$top ${top} is above this server's limit of ${limit}`);
  const pageSize = Math.min(top ?? limit, limit);
  const orderKey = order.map((o) => `${o.field} ${o.desc ? "desc" : "asc"}`).join(",");
  const presorted = order.length === 0 || orderKey === options.presortedBy;
  let matched: ResoRecord[] = [];
  if (presorted) {
    // Stop once this page and one more record (for nextLink) are found.
    for (const record of options.records) {
      if (!predicate(record)) continue;
      matched.push(record);
      if (matched.length > skip + pageSize) break;
    }
  } else {
    matched = options.records.filter(predicate).sort((a, b) => {
      for (const o of order) {
        const c = compareValues(a[o.field], b[o.field]);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }
  const page = matched.slice(skip, skip + pageSize);
  const value = page.map((record) => {
    const out: ResoRecord = select ? Object.fromEntries(select.map((f) => [f, record[f] ?? null])) : { ...record };
    for (const name of expandNames) out[name] = options.expand![name]!(record);
    return out;
  });
  const more = matched.length > skip + page.length;
  let nextLink: string | null = null;
  if (more && page.length > 0) {
    const next = new URL(options.url);
    next.searchParams.set("$skip", String(skip + page.length));
    if (top !== null) next.searchParams.set("$top", String(pageSize));
    nextLink = next.toString();
  }
  return { value, nextLink };
}
