import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Db } from "@real-estate/db";
import { listLeads, type LeadFilters, type ListCursor } from "@real-estate/crm";
import type pg from "pg";

export type CapturedStatement = { text: string; values: unknown[] };

/**
 * A Prisma client that records the SQL it sends: the baseline replays exactly the statements
 * listLeads issues (the lead page, then its contacts and assignees), straight through `pg`.
 */
export class SqlRecorder {
  private readonly client: PrismaClient;
  private recording: CapturedStatement[] | null = null;

  constructor(url: string) {
    this.client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
    (this.client as unknown as { $on: (e: "query", fn: (ev: { query: string; params: string }) => void) => void }).$on("query", (ev) => {
      this.recording?.push({ text: ev.query, values: JSON.parse(ev.params) as unknown[] });
    });
  }

  private get db(): Db {
    return this.client as unknown as Db;
  }

  /** The statements of one listLeads call with these options. */
  async capture(options: { tenantId: string; filters: LeadFilters; cursor?: ListCursor; limit?: number }): Promise<CapturedStatement[]> {
    this.recording = [];
    try {
      await listLeads({ ...options, db: this.db });
      return this.recording;
    } finally {
      this.recording = null;
    }
  }

  /** Follows nextCursor `pages` times (pages of `limit`) and returns the cursor reached. */
  async walk(options: { tenantId: string; filters: LeadFilters; pages: number; limit: number }): Promise<ListCursor | undefined> {
    let cursor: ListCursor | undefined;
    for (let i = 0; i < options.pages; i++) {
      const page = await listLeads({ tenantId: options.tenantId, filters: options.filters, cursor, limit: options.limit, db: this.db });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return cursor;
  }

  async close(): Promise<void> {
    await this.client.$disconnect();
  }
}

/** Runs captured statements in order on one connection; returns the elapsed milliseconds. */
export async function replay(pool: pg.Pool, statements: CapturedStatement[]): Promise<number> {
  const client = await pool.connect();
  try {
    const started = performance.now();
    for (const s of statements) await client.query(s.text, s.values);
    return performance.now() - started;
  } finally {
    client.release();
  }
}
