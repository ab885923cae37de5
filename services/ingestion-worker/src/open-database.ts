import { checkDatabaseReady, createPrismaClient, type Db } from "@real-estate/db";
import { openDatabaseUrl } from "@real-estate/db/embedded";

export type OpenedDatabase = {
  db: Db;
  /** Where LISTEN connects. */
  listenUrl: string;
  description: string;
  close(): Promise<void>;
};

/**
 * Opens the platform database for a worker binary (DATABASE_URL, else the embedded server,
 * started for this command when `npm start` is not running it) and exits with one clear line
 * when it is unreachable or not migrated.
 */
export async function openDatabaseOrExit(who: string, poolSize: number): Promise<OpenedDatabase> {
  let opened: Awaited<ReturnType<typeof openDatabaseUrl>>;
  try {
    opened = await openDatabaseUrl((line) => console.error(`${who}: ${line}`));
  } catch (error) {
    console.error(`${who}: cannot open the database: ${(error as Error).message}`);
    process.exit(1);
  }
  const db = createPrismaClient({ url: opened.url, poolSize, applicationName: who });
  const ready = await checkDatabaseReady(db);
  if (!ready.ok) {
    console.error(`${who}: ${ready.reason}`);
    await db.$disconnect();
    await opened.close();
    process.exit(1);
  }
  return {
    db,
    listenUrl: opened.url,
    description: opened.description,
    close: async () => {
      await db.$disconnect();
      await opened.close();
    },
  };
}
