// The local RESO server's data, in memory, with the changes an MLS makes between two syncs:
// price changes, status changes, new listings and deletions, open houses scheduled, changed and
// withdrawn, each stamping a new ModificationTimestamp, as a real feed does.
import type { SeedTenant } from "../data";
import { buildMembers, buildOffices, buildOpenHouses, buildProperty } from "./build-reso-records";
import type { ResoRecord } from "./odata-filter";

export type ResoStoreOptions = { tenant: SeedTenant; count: number; anchor: Date; photoBase: string };

export class ResoStore {
  readonly properties = new Map<string, ResoRecord>();
  readonly media = new Map<string, ResoRecord[]>();
  /** OpenHouse records by OpenHouseKey. */
  readonly openHouses = new Map<string, ResoRecord>();
  readonly offices: ResoRecord[];
  readonly members: ResoRecord[];
  private nextNumber: number;
  private lastStamp = 0;
  private sorted: ResoRecord[] | null = null;
  private sortedOpenHouses: ResoRecord[] | null = null;
  private sortedByKey: ResoRecord[] | null = null;

  constructor(private readonly options: ResoStoreOptions) {
    this.offices = buildOffices(options.tenant);
    this.members = buildMembers(options.tenant, this.offices);
    this.nextNumber = 0;
    this.add(options.count, { stamp: false });
  }

  /** A modification time after every earlier one (milliseconds, like most MLS servers). */
  private stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  private touch(record: ResoRecord) {
    record.ModificationTimestamp = this.stamp();
    this.sorted = null;
  }

  /** Adds `count` new listings; returns their keys. */
  add(count: number, options: { stamp?: boolean } = {}): string[] {
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const { property, media } = buildProperty({ ...this.options, n: this.nextNumber++, offices: this.offices, members: this.members });
      const key = property.ListingKey as string;
      if (options.stamp !== false) property.ModificationTimestamp = this.stamp();
      this.properties.set(key, property);
      this.media.set(key, media);
      for (const openHouse of buildOpenHouses({ property, n: this.nextNumber - 1, anchor: this.options.anchor })) {
        this.openHouses.set(openHouse.OpenHouseKey as string, openHouse);
      }
      keys.push(key);
    }
    this.sorted = null;
    this.sortedByKey = null;
    this.sortedOpenHouses = null;
    return keys;
  }

  get(key: string): ResoRecord | undefined {
    return this.properties.get(key);
  }

  keys(): string[] {
    return [...this.properties.keys()];
  }

  /** Changes one listing's fields (a price cut, a status change) and stamps it as modified. */
  update(key: string, fields: ResoRecord): ResoRecord {
    const record = this.properties.get(key);
    if (!record) throw new Error(`no listing ${key}`);
    Object.assign(record, fields);
    this.touch(record);
    return record;
  }

  /** Removes listings from the feed entirely (a real MLS purges withdrawn or erroneous ones). */
  remove(keys: string[]) {
    for (const key of keys) {
      this.properties.delete(key);
      this.media.delete(key);
    }
    const gone = new Set(keys);
    for (const [ohKey, openHouse] of this.openHouses) if (gone.has(openHouse.ListingKey as string)) this.openHouses.delete(ohKey);
    this.sorted = null;
    this.sortedByKey = null;
    this.sortedOpenHouses = null;
  }

  /** Schedules an open house for a listing (or changes one with the same key), stamped as modified. */
  putOpenHouse(record: ResoRecord & { OpenHouseKey: string; ListingKey: string }): ResoRecord {
    const stored = { ...this.openHouses.get(record.OpenHouseKey), ...record };
    stored.ModificationTimestamp = this.stamp();
    this.openHouses.set(record.OpenHouseKey, stored);
    this.sortedOpenHouses = null;
    return stored;
  }

  /** Removes open houses from the feed entirely (what reconciliation must notice). */
  removeOpenHouses(keys: string[]) {
    for (const key of keys) this.openHouses.delete(key);
    this.sortedOpenHouses = null;
  }

  /** OpenHouse records in (ModificationTimestamp, OpenHouseKey) order, kept until the next change. */
  openHousesByModification(): ResoRecord[] {
    this.sortedOpenHouses ??= [...this.openHouses.values()].sort((a, b) => {
      const ta = a.ModificationTimestamp as string,
        tb = b.ModificationTimestamp as string;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return (a.OpenHouseKey as string) < (b.OpenHouseKey as string) ? -1 : 1;
    });
    return this.sortedOpenHouses;
  }

  /** Properties in ListingKey order (what reconciliation pages through), kept until the next change. */
  byListingKey(): ResoRecord[] {
    this.sortedByKey ??= [...this.properties.values()].sort((a, b) => ((a.ListingKey as string) < (b.ListingKey as string) ? -1 : 1));
    return this.sortedByKey;
  }

  /** Properties in (ModificationTimestamp, ListingKey) order, kept until the next change. */
  byModification(): ResoRecord[] {
    this.sorted ??= [...this.properties.values()].sort((a, b) => {
      const ta = a.ModificationTimestamp as string,
        tb = b.ModificationTimestamp as string;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return (a.ListingKey as string) < (b.ListingKey as string) ? -1 : 1;
    });
    return this.sorted;
  }
}
