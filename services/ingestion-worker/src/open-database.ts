import { assertDatabaseReadyOrExit, createPrismaClientAsync, describeTarget, resolveDatabase, type Db } from "@real-estate/db";

export type OpenedDatabase = {
  db: Db;
  /** Where LISTEN can connect (null for an in-process embedded database: poll only). */
  listenUrl: string | null;
  description: string;
  close(): Promise<void>;
};

/**
 * Opens the platform database for a worker binary (DATABASE_URL, else the embedded one) and
 * exits with one clear line when it is unreachable or not migrated.
 */
export async function openDatabaseOrExit(who: string, poolSize: number): Promise<OpenedDatabase> {
  const target = resolveDatabase();
  let opened: { db: Db; close: () => Promise<void> };
  try {
    opened = await createPrismaClientAsync({ poolSize, applicationName: who });
  } catch (error) {
    console.error(`${who}: cannot open ${describeTarget(target)}: ${(error as Error).message}`);
    process.exit(1);
  }
  await assertDatabaseReadyOrExit(opened.db, who);
  return {
    db: opened.db,
    listenUrl: target.kind === "embedded-inprocess" ? null : target.url,
    description: describeTarget(target),
    close: opened.close,
  };
}
