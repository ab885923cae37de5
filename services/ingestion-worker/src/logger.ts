/** Structured log fields. Never put names, e-mail addresses or phone numbers in them. */
export type LogFields = Record<string, unknown> & { msg: string };

export type Logger = {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
};

/**
 * One JSON object per line on stdout (info) or stderr (warn, error). Callers log ids and
 * outcomes only; error text goes through describeIngestionError, which removes personal data.
 */
export function createJsonLogger(options: { base?: Record<string, unknown>; write?: (line: string, level: string) => void } = {}): Logger {
  const write = options.write ?? ((line, level) => (level === "info" ? process.stdout : process.stderr).write(`${line}\n`));
  const log = (level: string) => (fields: LogFields) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, ...options.base };
    Object.assign(entry, fields);
    write(JSON.stringify(entry), level);
  };
  return { info: log("info"), warn: log("warn"), error: log("error") };
}

/** A logger that keeps entries in memory (tests). */
export function createMemoryLogger(): Logger & { entries: (LogFields & { level: string })[] } {
  const entries: (LogFields & { level: string })[] = [];
  const logger = createJsonLogger({ write: (line) => entries.push(JSON.parse(line)) });
  return Object.assign(logger, { entries });
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
