type AdapterCause = { kind?: string; originalCode?: string; originalMessage?: string; host?: string; port?: number; table?: string };

type DatabaseErrorFacts = {
  /** Prisma's driver-adapter cause, when the error came through the client. */
  cause: AdapterCause | undefined;
  /** The most specific code: the adapter's SQLSTATE, the wrapped error's code, then the error's own. */
  code: string | undefined;
  /** The error's own message (a Prisma error's spans several lines). */
  message: string;
  /** Every message the error carries, for matching. */
  text: string;
};

/** What a database failure says about itself, read the same way wherever it is judged. */
function databaseErrorFacts(error: unknown): DatabaseErrorFacts {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | undefined)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  const message = e?.message ?? String(error);
  return {
    cause,
    code: cause?.originalCode ?? e?.cause?.code ?? e?.code,
    message,
    text: `${cause?.originalMessage ?? ""} ${message} ${e?.cause?.message ?? ""}`,
  };
}

/** One readable line for a database failure, instead of a stack trace. */
export function explainDatabaseError(error: unknown): string {
  const { cause, code, message: full } = databaseErrorFacts(error);
  const lines = full
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const message = lines.find((l) => /Message:|error|refused|timeout/i.test(l) && !/invocation:$/.test(l)) ?? lines[lines.length - 1] ?? String(error);
  if (cause?.kind === "DatabaseNotReachable" || code === "ECONNREFUSED" || /ECONNREFUSED|Can't reach database/.test(message)) {
    const where = cause?.host ? ` at ${cause.host}:${cause.port}` : "";
    return `database unreachable${where} (connection refused): is PostgreSQL running, and is DATABASE_URL right?`;
  }
  if (code === "ENOTFOUND" || /ENOTFOUND/.test(message)) return "database host not found: check DATABASE_URL";
  if (cause?.kind === "DatabaseDoesNotExist" || code === "3D000" || /database .* does not exist/.test(message))
    return `database does not exist: ${cause?.originalMessage ?? message}`;
  if (cause?.kind === "AuthenticationFailed" || code === "28P01" || code === "28000") return `database refused the credentials: ${message}`;
  if (cause?.kind === "TableDoesNotExist" || code === "42P01" || /relation .* does not exist/.test(message))
    return "database is not migrated: run `npm run db:migrate:deploy`";
  if (/timeout|timed out/i.test(message)) return `database did not answer in time: ${message}`;
  return cause?.originalMessage ?? message;
}

/** SQLSTATEs of a connection the server ended or would not take yet (admin/crash shutdown, starting up, connection failures, too many connections). */
const TRANSIENT_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);
const TRANSIENT_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const TRANSIENT_MESSAGE =
  /terminating connection|starting up|shutting down|not yet accepting connections|Connection terminated|server closed the connection|ECONNRESET|ECONNREFUSED|Can't reach database/i;

/**
 * True when the failure is about the connection, not the database's content: the server is
 * restarting, refused or dropped the connection. Waiting can cure it; a missing migration,
 * wrong credentials or a missing database cannot.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const { cause, code, text } = databaseErrorFacts(error);
  if (cause?.kind && TRANSIENT_KINDS.has(cause.kind)) return true;
  if (code && TRANSIENT_CODES.has(code)) return true;
  return TRANSIENT_MESSAGE.test(text);
}
