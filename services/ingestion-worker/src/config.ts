import { z } from "zod";
// The settings module alone (not the whole mail package, its templates and React): the binaries
// check their environment before loading anything heavy.
import { dkimSettings } from "@real-estate/mail/settings";
import { parseEnvList } from "@real-estate/types/env-list";

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be an integer from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** The worker's environment, with defaults that work with no .env at all. */
export const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().trim().optional(),
  /** Jobs processed at once (default 8). */
  INGESTION_CONCURRENCY: int(8, 1, 256),
  /** Jobs claimed per statement (default 50). */
  INGESTION_BATCH_SIZE: int(50, 1, 5_000),
  /** Lease per claimed job in ms (default 5 min). */
  INGESTION_LEASE_MS: int(300_000, 500, 86_400_000),
  /** Poll interval when idle, in ms (default 1 s); LISTEN/NOTIFY usually wakes the worker first. */
  INGESTION_POLL_INTERVAL_MS: int(1_000, 10, 600_000),
  /**
   * How long the long-running drain waits at start for a database that is restarting or drops
   * its connection, in ms (default 60 s); 0 fails at the first error, as the one-shot commands do.
   */
  INGESTION_DB_WAIT_MS: int(60_000, 0, 3_600_000),
  /** Metrics/health port (default 9464); "off" disables the server. */
  METRICS_PORT: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === "off") return null;
      const n = v ? Number(v) : 9464;
      if (!Number.isInteger(n) || n < 0 || n > 65_535) {
        ctx.addIssue({ code: "custom", message: 'must be a port number or "off"' });
        return z.NEVER;
      }
      return n;
    }),
  /**
   * Address the metrics/health server listens on (default 127.0.0.1: loopback only, as the
   * metrics tell queue sizes and error texts); an IP address or `localhost`, e.g. 0.0.0.0 for a
   * scraper on another machine.
   */
  METRICS_HOST: z
    .string()
    .trim()
    .default("127.0.0.1")
    .pipe(z.union([z.ipv4(), z.ipv6(), z.literal("localhost")], { error: "must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1) or localhost" })),
  INGESTION_WORKER_ID: z.string().trim().max(200).optional(),
  /**
   * The job kinds this worker runs, comma-separated (e.g. "feed.sync" for a worker that only
   * replicates MLS feeds); unset or empty: every standard kind. A value of only commas and spaces
   * names no kind and is refused: a worker that claims nothing would look healthy and drain nothing.
   */
  INGESTION_KINDS: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const kinds = parseEnvList(v);
      if (!kinds.length) {
        ctx.addIssue({ code: "custom", message: "names no job kind (leave it unset for every standard kind)" });
        return z.NEVER;
      }
      return kinds;
    }),
});
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

/** Parses the environment; on a bad value prints one line per problem and exits 2. */
export function loadWorkerEnv(who: string, env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = ZWorkerEnv.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  // Outgoing mail's DKIM key (optional): a broken one stops the worker here, not at its first e-mail.
  try {
    dkimSettings(env);
  } catch (error) {
    problems.push(error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ") : (error as Error).message);
  }
  if (parsed.success && problems.length === 0) return parsed.data;
  for (const problem of problems) console.error(`${who}: ${problem}`);
  process.exit(2);
}
