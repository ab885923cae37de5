import { createPrismaClient, waitForDatabaseReady, type Db } from "@real-estate/db";
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
 * when it is unreachable or not migrated. With `waitMs` (the long-running drain), a transient
 * failure (the server restarting, a connection dropped mid-check) is checked again for that long
 * before giving up; a one-shot command leaves it at 0 and fails fast.
 */
export async function openDatabaseOrExit(who: string, poolSize: number, options: { waitMs?: number } = {}): Promise<OpenedDatabase> {
  let opened: Awaited<ReturnType<typeof openDatabaseUrl>>;
  try {
    opened = await openDatabaseUrl((line) => console.error(`${who}: ${line}`));
  } catch (error) {
    console.error(`${who}: cannot open the database: ${(error as Error).message}`);
    process.exit(1);
  }
  const db = createPrismaClient({ url: opened.url, poolSize, applicationName: who });
  const waitMs = options.waitMs ?? 0;
  const ready = await waitForDatabaseReady(db, {
    waitMs,
    onWait: (reason) => console.error(`${who}: ${reason}; checking again for up to ${Math.round(waitMs / 1000)} s`),
  });
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
