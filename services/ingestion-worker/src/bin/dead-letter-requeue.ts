// npm run worker:ingestion:dead-letter:requeue -- (--id ID ... | --all [filters]) [--dry-run] [--rate N/s]
import os from "node:os";
// The database modules are imported after the arguments are checked, so usage errors are instant.
import type { RedriveSelection } from "@real-estate/queue";
import { FILTER_OPTIONS, FILTER_USAGE, filterFromArgs, parseCli, parseRate, runCli, UsageError } from "../cli/args";

const who = "worker:ingestion:dead-letter:requeue";
const USAGE = `usage: npm run ${who} -- (--id ID [--id ID ...] | --all [filters]) [options]

Puts dead-lettered jobs back in the queue (attempts reset, due now), in set-based batches, and
records the re-drive (who, when, filter, count, outcome) in the audit log. A re-drive that
overlaps one still running is refused.

  --id ID            a job id from dead-letter:list (repeatable)
  --all              every dead letter the filters match (all tenants unless --tenant)
${FILTER_USAGE}
  --dry-run          only count what would be requeued
  --rate N[/s]       requeue at most N jobs per second
  --actor NAME       recorded in the audit log (default: REDRIVE_ACTOR or the login name)
  --release-redrive REDRIVE_ID
                     release the dead letters held by a re-drive that crashed
  -h, --help         show this help`;

const OPTIONS = {
  ...FILTER_OPTIONS,
  id: { type: "string", multiple: true },
  all: { type: "boolean" },
  "dry-run": { type: "boolean" },
  rate: { type: "string" },
  actor: { type: "string" },
  "release-redrive": { type: "string" },
} as const;

function selectionFrom(values: ReturnType<typeof parseCli<typeof OPTIONS>>["values"]): RedriveSelection {
  const ids = values.id ?? [];
  const hasFilter = ["tenant", "type", "error", "since", "until"].some((k) => values[k as keyof typeof values] !== undefined);
  if (ids.length > 0 && values.all) throw new UsageError("give either --id or --all, not both");
  if (ids.length === 0 && !values.all) throw new UsageError("say which dead letters: --id ID ... or --all [filters]");
  if (ids.length > 0) {
    if (hasFilter) throw new UsageError("filters apply to --all only; with --id, list the ids");
    const bad = ids.find((id) => !/^\d{1,19}$/.test(id));
    if (bad !== undefined) throw new UsageError(`--id must be a job id (digits), got "${bad}"`);
    return { ids };
  }
  return { all: true, filter: filterFromArgs(values) };
}

await runCli(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const actor = (values.actor ?? process.env.REDRIVE_ACTOR ?? os.userInfo().username).trim();
  if (!actor) throw new UsageError("--actor must not be empty");
  const releaseId = values["release-redrive"];
  const selection = releaseId ? null : selectionFrom(values);
  const rate = parseRate(values.rate);
  if (releaseId && !/^[0-9a-f-]{36}$/i.test(releaseId)) throw new UsageError("--release-redrive takes the re-drive id (a UUID) from the refusal message");
  const { RedriveConflictError, releaseRedrive, requeueDeadLetters, UnknownTenantFilterError } = await import("@real-estate/queue");
  const { openDatabaseOrExit } = await import("../open-database");
  const database = await openDatabaseOrExit(who, 3);
  try {
    if (releaseId) {
      const released = await releaseRedrive({ db: database.db, redriveId: releaseId, reason: `released by ${actor}` });
      console.log(`released ${released} dead letters held by re-drive ${releaseId}`);
      return 0;
    }
    let lastShown = 0;
    const result = await requeueDeadLetters({
      db: database.db,
      selection: selection!,
      actor,
      origin: "cli",
      dryRun: values["dry-run"] ?? false,
      ratePerSecond: rate,
      onProgress: ({ requeued, total }) => {
        if (total <= 1000 && requeued < total) return;
        if (requeued - lastShown < 1000 && requeued < total) return;
        lastShown = requeued;
        console.error(`requeued ${requeued}/${total} (${Math.round((100 * requeued) / Math.max(total, 1))}%)`);
      },
    });
    if (result.dryRun) console.log(`dry run: ${result.matched} dead letters would be requeued (nothing changed; audit ${result.redriveId})`);
    else console.log(`requeued ${result.requeued} of ${result.matched} matched dead letters (re-drive ${result.redriveId})`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownTenantFilterError) throw new UsageError(error.message);
    if (error instanceof RedriveConflictError) {
      console.error(`${who}: ${error.message} (audit ${error.auditId})`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
});
