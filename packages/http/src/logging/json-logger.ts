import pino, { type DestinationStream } from "pino";

/** Structured log fields. Never put names, e-mail addresses, phone numbers or raw URLs in them. */
export type LogFields = Record<string, unknown> & { msg: string };

export type Logger = {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
};

/**
 * One JSON object per line (pino): `time` (ISO 8601), `level` as a word, the `base` fields (e.g.
 * the service) and the entry's own. Info on stdout, warnings and errors on stderr, or all on
 * `destination`.
 */
export function createJsonLogger(options: { base?: Record<string, unknown>; destination?: DestinationStream } = {}): Logger {
  const destination =
    options.destination ??
    pino.multistream(
      [
        { level: "info", stream: process.stdout },
        { level: "warn", stream: process.stderr },
      ],
      { dedupe: true },
    );
  const log = pino({ base: options.base ?? null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
  return { info: (fields) => log.info(fields), warn: (fields) => log.warn(fields), error: (fields) => log.error(fields) };
}

/** A logger that keeps its entries, parsed, in memory (tests). */
export function createMemoryLogger(base?: Record<string, unknown>): Logger & { entries: (LogFields & { level: string; time: string })[] } {
  const entries: (LogFields & { level: string; time: string })[] = [];
  const logger = createJsonLogger({ base, destination: { write: (line: string) => void entries.push(JSON.parse(line)) } });
  return Object.assign(logger, { entries });
}

/** A logger that drops every entry (tests and benchmarks that assert on results, not on logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
