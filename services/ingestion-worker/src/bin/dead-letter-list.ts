// npm run worker:ingestion:dead-letter:list -- [filters] [--limit N] [--cursor C] [--json]
// The database modules are imported after the arguments are checked, so usage errors are instant.
import { FILTER_OPTIONS, FILTER_USAGE, filterFromArgs, parseCli, positiveInt, runCli, UsageError } from "../cli/args";
import { formatTable } from "../cli/table";

const who = "worker:ingestion:dead-letter:list";
const USAGE = `usage: npm run ${who} -- [options]

Lists dead-lettered ingestion jobs (newest first) and their counts grouped by error.
Platform-wide: without --tenant it shows every tenant's dead letters.

${FILTER_USAGE}
  --limit N          rows to show, 1-1000 (default 50)
  --cursor C         continue after a previous page (printed as "next page: --cursor C")
  --json             print JSON instead of tables
  -h, --help         show this help`;

await runCli(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), { ...FILTER_OPTIONS, limit: { type: "string" }, cursor: { type: "string" }, json: { type: "boolean" } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const filter = filterFromArgs(values);
  const limit = positiveInt("limit", values.limit, 50, 1000);
  const { countDeadLettersByError, listDeadLetters, UnknownTenantFilterError } = await import("@real-estate/queue");
  const { openDatabaseOrExit } = await import("../open-database");
  const database = await openDatabaseOrExit(who, 3);
  try {
    const [page, counts] = await Promise.all([
      listDeadLetters({ db: database.db, filter, limit, cursor: values.cursor }),
      countDeadLettersByError({ db: database.db, filter }),
    ]);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    if (values.json) {
      console.log(JSON.stringify({ total, items: page.items, nextCursor: page.nextCursor, countsByError: counts }, null, 2));
      return 0;
    }
    if (total === 0) {
      console.log("No dead letters match.");
      return 0;
    }
    const rows = page.items.map((d) => [
      d.jobId,
      d.tenantSlug,
      d.eventType,
      `${d.attempts}/${d.maxAttempts}`,
      d.deadLetteredAt.toISOString(),
      d.lastErrorClass ?? "",
      d.lastError ?? "",
    ]);
    console.log(formatTable(["JOB", "TENANT", "TYPE", "ATTEMPTS", "DEAD-LETTERED AT", "CLASS", "LAST ERROR"], rows, 70));
    console.log(`\n${page.items.length} of ${total} dead letters shown${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ""}\n`);
    console.log(
      formatTable(
        ["COUNT", "CLASS", "ERROR"],
        counts.map((c) => [String(c.count), c.errorClass ?? "", c.error]),
        100,
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof UnknownTenantFilterError) throw new UsageError(error.message);
    throw error;
  } finally {
    await database.close();
  }
});
