// npm run feeds:sync -- --tenant SLUG [--full] [--feed NAME]: runs the tenant's feeds now, one at
// a time, printing progress per page. --full reloads from the start and reconciles keys.
// The database and feed modules are imported after the arguments are checked, so usage errors are
// instant, and the feed modules only once the tenant is known.
import { parseCli, UsageError } from "../cli/args";

const USAGE = `usage: npm run feeds:sync -- --tenant SLUG [--full] [--feed NAME]
  --tenant SLUG   the tenant whose feeds to sync
  --full          reload everything from the start and reconcile keys (deletions)
  --feed NAME     only the feed with this name`;

async function main() {
  const { values } = parseCli(process.argv.slice(2), {
    tenant: { type: "string" },
    full: { type: "boolean" },
    feed: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.tenant) throw new UsageError("--tenant is required");
  const { openDatabaseOrExit } = await import("../open-database");
  const database = await openDatabaseOrExit("feeds:sync", 2);
  const db = database.db;
  try {
    const tenant = await db.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true, name: true } });
    if (!tenant) throw new UsageError(`no tenant with slug "${values.tenant}"`);
    const { listFeeds, syncFeed } = await import("@real-estate/feeds");
    const feeds = (await listFeeds({ tenantId: tenant.id, db })).filter((f) => !values.feed || f.name === values.feed);
    if (feeds.length === 0) {
      console.log(`feeds:sync: ${tenant.name} has no ${values.feed ? `feed named "${values.feed}"` : "feeds"}`);
      return;
    }
    let failed = 0;
    for (const feed of feeds) {
      const started = Date.now();
      console.log(`feeds:sync: ${feed.name} (${values.full ? "full" : "incremental"})...`);
      const result = await syncFeed({
        tenantId: tenant.id,
        feedId: feed.id,
        kind: values.full ? "full" : "incremental",
        db,
        onPage: (p) => console.log(`  page ${p.pages}: ${p.upserted} listings written, up to ${p.cursor.timestamp?.toISOString() ?? "-"}`),
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `feeds:sync: ${feed.name}: ${result.outcome} in ${seconds} s, ${result.upserted} written, ${result.removed} removed${result.error ? `: ${result.error}` : ""}`,
      );
      if (result.outcome !== "succeeded") failed++;
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`feeds:sync: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`feeds:sync: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
