// The local RESO server's data, in memory, with the changes an MLS makes between two syncs:
// price changes, status changes, new listings and deletions, each stamping a new
// ModificationTimestamp, as a real feed does.
import type { SeedTenant } from "../data";
import { buildMembers, buildOffices, buildProperty } from "./build-reso-records";
import type { ResoRecord } from "./odata-filter";

export type ResoStoreOptions = { tenant: SeedTenant; count: number; anchor: Date; photoBase: string };

export class ResoStore {
  readonly properties = new Map<string, ResoRecord>();
  readonly media = new Map<string, ResoRecord[]>();
  readonly offices: ResoRecord[];
  readonly members: ResoRecord[];
  private nextNumber: number;
  private lastStamp = 0;
  private sorted: ResoRecord[] | null = null;

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
      keys.push(key);
    }
    this.sorted = null;
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
    this.sorted = null;
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
