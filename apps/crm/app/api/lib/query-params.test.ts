import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  parseActivityListQuery,
  parseContactListQuery,
  parseLeadListQuery,
  toUrlSearchParams,
  MAX_LIMIT,
  DEFAULT_LIMIT,
} from "./query-params";

const lead = (qs: string) => parseLeadListQuery(new URLSearchParams(qs));
const fieldsOf = (r: { ok: true } | { ok: false; error: { fields: Record<string, string[]> } }) => (r.ok ? [] : Object.keys(r.error.fields));
const ID = "0196a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b";

describe("lead list query", () => {
  it("defaults: newest first, 50 per page, no filters", () => {
    expect(lead("")).toEqual({ ok: true, value: { sort: "-createdAt", limit: DEFAULT_LIMIT, cursor: undefined } });
  });

  it("status and source take comma lists or repeats, and only known values", () => {
    const r = lead("status=NEW,CONTACTED&status=WON&source=valuation");
    expect(r.ok && r.value.status).toEqual(["NEW", "CONTACTED", "WON"]);
    expect(r.ok && r.value.source).toEqual(["valuation"]);
    expect(fieldsOf(lead("status=new"))).toEqual(["status"]);
    expect(fieldsOf(lead("source=billboard"))).toEqual(["source"]);
    expect(lead("status=").ok).toBe(true);
  });

  it("assignedTo accepts member ids, me and unassigned", () => {
    const r = lead(`assignedTo=me,unassigned,${ID}`);
    expect(r.ok && r.value.assignedTo).toEqual(["me", "unassigned", ID]);
    expect(fieldsOf(lead("assignedTo=alice"))).toEqual(["assignedTo"]);
  });

  it("q is trimmed and bounded", () => {
    const r = lead("q=%20jane%20doe%20");
    expect(r.ok && r.value.q).toBe("jane doe");
    expect(fieldsOf(lead(`q=${"x".repeat(201)}`))).toEqual(["q"]);
  });

  it("created range: dates (days in the brokerage's zone, createdTo inclusive of its day) or ISO date-times, in order", () => {
    const r = parseLeadListQuery(new URLSearchParams("createdFrom=2026-11-01&createdTo=2026-11-03"), { timeZone: "UTC" });
    expect(r.ok && r.value.createdFrom?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(r.ok && r.value.createdTo?.toISOString()).toBe("2026-11-04T00:00:00.000Z");
    const ny = parseLeadListQuery(new URLSearchParams("createdFrom=2026-11-27&createdTo=2026-11-27"), { timeZone: "America/New_York" });
    expect(ny.ok && [ny.value.createdFrom?.toISOString(), ny.value.createdTo?.toISOString()]).toEqual(["2026-11-27T05:00:00.000Z", "2026-11-28T05:00:00.000Z"]);
    const tokyo = parseLeadListQuery(new URLSearchParams("createdFrom=2026-11-27"), { timeZone: "Asia/Tokyo" });
    expect(tokyo.ok && tokyo.value.createdFrom?.toISOString()).toBe("2026-11-26T15:00:00.000Z");
    const t = lead("createdFrom=2026-11-01T05:00:00.000Z&createdTo=2026-11-01T10:00:00%2B02:00");
    expect(t.ok && t.value.createdTo?.toISOString()).toBe("2026-11-01T08:00:00.000Z");
    expect(fieldsOf(lead("createdFrom=2026-02-30"))).toEqual(["createdFrom"]);
    expect(fieldsOf(lead("createdFrom=last week"))).toEqual(["createdFrom"]);
    expect(fieldsOf(lead("createdFrom=2026-11-05&createdTo=2026-11-01"))).toEqual(["createdTo"]);
  });

  it("sort is one of four orders", () => {
    for (const s of ["-createdAt", "createdAt", "-lastActivityAt", "lastActivityAt"]) expect(lead(`sort=${s}`).ok).toBe(true);
    expect(fieldsOf(lead("sort=name"))).toEqual(["sort"]);
  });

  it("limit is a whole number from 1 to 100", () => {
    expect(lead("limit=1").ok && lead("limit=100").ok).toBe(true);
    const r = lead("limit=25");
    expect(r.ok && r.value.limit).toBe(25);
    for (const bad of ["0", "101", "-1", "2.5", "ten", "1e2"]) expect(fieldsOf(lead(`limit=${bad}`))).toEqual(["limit"]);
    expect(MAX_LIMIT).toBe(100);
  });

  it("rejects unknown and repeated single-valued parameters, reporting all of them", () => {
    expect(fieldsOf(lead("page=2&offset=10"))).toEqual(["page", "offset"]);
    expect(fieldsOf(lead("q=a&q=b&limit=1&limit=2"))).toEqual(["q", "limit"]);
    expect(fieldsOf(lead("sort=name&colour=red"))).toEqual(["colour", "sort"]);
  });

  it("cursors round-trip, belong to their sort order and are checked", () => {
    const keyset = { value: new Date("2026-11-20T10:00:00.000Z"), id: ID };
    const c = encodeCursor(keyset, "-createdAt");
    expect(decodeCursor(c, "-createdAt")).toEqual(keyset);
    expect(decodeCursor(c, "createdAt")).toBeNull();
    const r = lead(`cursor=${c}`);
    expect(r.ok && r.value.cursor).toEqual(keyset);
    expect(fieldsOf(lead(`cursor=${c}&sort=createdAt`))).toEqual(["cursor"]);
    for (const bad of ["abc", "!!!", Buffer.from('{"s":"-createdAt","v":"x","id":"y"}').toString("base64url"), "x".repeat(400)]) {
      expect(fieldsOf(lead(`cursor=${bad}`))).toEqual(["cursor"]);
    }
  });

  it("a frozen list's position round-trips under its sort only, and never for contacts or activities", () => {
    const position = { snapshotId: ID, offset: 50 };
    const c = encodeCursor(position, "-lastActivityAt");
    const r = lead(`sort=-lastActivityAt&cursor=${c}`);
    expect(r.ok && r.value.cursor).toEqual(position);
    expect(fieldsOf(lead(`sort=lastActivityAt&cursor=${c}`))).toEqual(["cursor"]);
    const forContacts = encodeCursor(position, "contacts");
    expect(fieldsOf(parseContactListQuery(new URLSearchParams(`cursor=${forContacts}`)))).toEqual(["cursor"]);
    for (const bad of [
      { s: "-lastActivityAt", snap: ID, o: 0 },
      { s: "-lastActivityAt", snap: "x", o: 5 },
      { s: "-lastActivityAt", snap: ID, o: 1.5 },
    ]) {
      expect(fieldsOf(lead(`sort=-lastActivityAt&cursor=${Buffer.from(JSON.stringify(bad)).toString("base64url")}`))).toEqual(["cursor"]);
    }
  });
});

describe("contact and activity list queries", () => {
  it("contacts: q, cursor, limit and nothing else", () => {
    const r = parseContactListQuery(new URLSearchParams("q=ann&limit=10"));
    expect(r).toEqual({ ok: true, value: { q: "ann", limit: 10, cursor: undefined } });
    expect(parseContactListQuery(new URLSearchParams("status=NEW")).ok).toBe(false);
    const c = encodeCursor({ value: new Date(), id: ID }, "contacts");
    expect(parseContactListQuery(new URLSearchParams(`cursor=${c}`)).ok).toBe(true);
    expect(parseActivityListQuery(new URLSearchParams(`cursor=${c}`)).ok).toBe(false);
  });

  it("activities: lead/contact ids are UUIDs, type is a list of activity types", () => {
    const r = parseActivityListQuery(new URLSearchParams(`leadId=${ID}&type=NOTE,CALL`));
    expect(r.ok && r.value).toMatchObject({ leadId: ID, type: ["NOTE", "CALL"] });
    const bad = parseActivityListQuery(new URLSearchParams("leadId=12&type=PARTY"));
    expect(bad.ok ? [] : Object.keys(bad.error.fields).sort()).toEqual(["leadId", "type"]);
  });

  it("toUrlSearchParams keeps repeated values from Next.js searchParams", () => {
    expect(toUrlSearchParams({ status: ["NEW", "WON"], q: "x", none: undefined }).toString()).toBe("status=NEW&status=WON&q=x");
  });
});
