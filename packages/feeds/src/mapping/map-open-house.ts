// One RESO OpenHouse record -> one OpenHouse row. Field names are the Data Dictionary's; the
// status and type lookups are normalised; every field without a column is kept in feedExtras.
import { stripUnstorable } from "@real-estate/types";
import { extraValue, instant, listingKey, text, type ResoRecordIn } from "./map-property";

export type MappedOpenHouse = {
  OpenHouseKey: string;
  ListingKey: string;
  OpenHouseId: string | null;
  OpenHouseStartTime: string;
  OpenHouseEndTime: string;
  OpenHouseRemarks: string | null;
  /** Active | Canceled | Ended (other values kept as sent). */
  OpenHouseStatus: string;
  /** Public | Broker | Office, or null when the feed does not say. */
  OpenHouseType: string | null;
  ModificationTimestamp: string;
  feedExtras: Record<string, unknown>;
};

const MAPPED = new Set([
  "OpenHouseKey",
  "ListingKey",
  "OpenHouseId",
  "OpenHouseStartTime",
  "OpenHouseEndTime",
  "OpenHouseRemarks",
  "OpenHouseStatus",
  "OpenHouseType",
  "ModificationTimestamp",
]);

/** "Canceled", "canceled", "Cancelled" -> "Canceled"; a value outside the lookup is kept as sent. */
function lookup(value: unknown, known: string[]): string | null {
  const raw = text(value, 50);
  if (!raw) return null;
  const compact = raw.replace(/[\s_-]/g, "").toLowerCase();
  return known.find((k) => k.toLowerCase() === compact || (k === "Canceled" && compact === "cancelled")) ?? raw;
}

export type MapOpenHouseResult = { ok: true; openHouse: MappedOpenHouse } | { ok: false; reason: string };

/** Maps one OpenHouse record; one without its keys, its times or a modification time is refused. */
export function mapOpenHouse(record: ResoRecordIn): MapOpenHouseResult {
  const OpenHouseKey = listingKey(record.OpenHouseKey);
  const ListingKey = listingKey(record.ListingKey);
  const ModificationTimestamp = instant(record.ModificationTimestamp);
  const OpenHouseStartTime = instant(record.OpenHouseStartTime);
  const OpenHouseEndTime = instant(record.OpenHouseEndTime) ?? OpenHouseStartTime;
  if (!OpenHouseKey) return { ok: false, reason: "no OpenHouseKey" };
  if (!ListingKey) return { ok: false, reason: `${OpenHouseKey}: no ListingKey` };
  if (!ModificationTimestamp) return { ok: false, reason: `${OpenHouseKey}: no ModificationTimestamp` };
  if (!OpenHouseStartTime || !OpenHouseEndTime) return { ok: false, reason: `${OpenHouseKey}: no OpenHouseStartTime` };
  const feedExtras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (MAPPED.has(key) || key.includes("@odata.")) continue;
    const kept = extraValue(value, 0);
    if (kept !== undefined) feedExtras[stripUnstorable(key)] = kept;
  }
  return {
    ok: true,
    openHouse: {
      OpenHouseKey,
      ListingKey,
      OpenHouseId: text(record.OpenHouseId, 255),
      OpenHouseStartTime,
      OpenHouseEndTime: OpenHouseEndTime < OpenHouseStartTime ? OpenHouseStartTime : OpenHouseEndTime,
      OpenHouseRemarks: text(record.OpenHouseRemarks, 2_000),
      OpenHouseStatus: lookup(record.OpenHouseStatus, ["Active", "Canceled", "Ended"]) ?? "Active",
      OpenHouseType: lookup(record.OpenHouseType, ["Public", "Broker", "Office"]),
      ModificationTimestamp,
      feedExtras,
    },
  };
}
