import { describe, expect, it } from "vitest";
import { explainDatabaseError, isTransientDatabaseError } from "../src/readiness/explain-database-error";

/** The shape Prisma's driver adapter gives a failed query: the server's SQLSTATE sits on the cause. */
function adapterError(cause: Record<string, unknown>): Error {
  return Object.assign(new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nsomething failed"), { meta: { driverAdapterError: { cause } } });
}

describe("database error facts", () => {
  it("judges the adapter's SQLSTATE, the wrapped error's code and the error's own code alike", () => {
    expect(isTransientDatabaseError(adapterError({ originalCode: "57P01", originalMessage: "terminating connection due to administrator command" }))).toBe(
      true,
    );
    expect(isTransientDatabaseError(Object.assign(new Error("query failed"), { cause: { code: "08006" } }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error("connect failed"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isTransientDatabaseError(adapterError({ kind: "TooManyConnections" }))).toBe(true);
  });

  it("finds a transient failure in any message the error carries", () => {
    expect(isTransientDatabaseError(adapterError({ originalMessage: "the database system is starting up" }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error("query failed"), { cause: { message: "Connection terminated unexpectedly" } }))).toBe(true);
    expect(isTransientDatabaseError("server closed the connection unexpectedly")).toBe(true);
  });

  it("does not call a failure transient that waiting cannot cure, and explains it from the same facts", () => {
    const missing = adapterError({ originalCode: "42P01", kind: "TableDoesNotExist", originalMessage: 'relation "Tenant" does not exist' });
    expect(isTransientDatabaseError(missing)).toBe(false);
    expect(explainDatabaseError(missing)).toBe("database is not migrated: run `npm run db:migrate:deploy`");
    const credentials = Object.assign(new Error("password authentication failed"), { cause: { code: "28P01" } });
    expect(isTransientDatabaseError(credentials)).toBe(false);
    expect(explainDatabaseError(credentials)).toBe("database refused the credentials: password authentication failed");
    const noDatabase = adapterError({ originalCode: "3D000", originalMessage: 'database "nope" does not exist' });
    expect(isTransientDatabaseError(noDatabase)).toBe(false);
    expect(explainDatabaseError(noDatabase)).toBe('database does not exist: database "nope" does not exist');
  });

  it("explains a refused connection with the adapter's host and port", () => {
    expect(explainDatabaseError(adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }))).toBe(
      "database unreachable at 127.0.0.1:1 (connection refused): is PostgreSQL running, and is DATABASE_URL right?",
    );
  });
});
