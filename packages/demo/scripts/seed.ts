// db:seed — writes the demo data (two brokerages, listings, sign-ins, sample CRM). Idempotent:
// a second run yields the same rows. Uses DATABASE_URL, the embedded server of `npm start`, or
// starts the embedded server for the run.
import { checkDatabaseReady, createPrismaClient, explainDatabaseError } from "@real-estate/db";
import { openDatabaseUrl } from "@real-estate/db/embedded";
import { DEMO_ACCOUNTS, seedDemoData } from "../src";

let exitCode = 0;
try {
  const opened = await openDatabaseUrl((line) => console.log(`db:seed: ${line}`));
  console.log(`db:seed: ${opened.description}`);
  const db = createPrismaClient({ url: opened.url, applicationName: "db-seed" });
  try {
    const ready = await checkDatabaseReady(db);
    if (!ready.ok) {
      console.error(`db:seed: ${ready.reason}`);
      exitCode = 1;
    } else {
      await seedDemoData({ db, log: (line) => console.log(`db:seed: ${line}`) });
      console.log("db:seed: demo sign-ins:");
      for (const a of DEMO_ACCOUNTS)
        console.log(`  ${a.email.padEnd(28)} ${a.password.padEnd(20)} ${a.tenantSlug ? `${a.role?.toLowerCase()} of ${a.tenantSlug}` : "platform operator"}`);
    }
  } finally {
    await db.$disconnect();
    await opened.close();
  }
} catch (error) {
  console.error(`db:seed: ${explainDatabaseError(error)}`);
  exitCode = 1;
}
process.exit(exitCode);
