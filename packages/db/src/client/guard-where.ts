import { Prisma } from "../generated/prisma/client";

const GUARDED = new Set(["findMany", "updateMany", "deleteMany"]);

function isEmptyWhere(where: unknown): boolean {
  return where === undefined || where === null || (typeof where === "object" && Object.keys(where).length === 0);
}

/**
 * Refuses findMany/updateMany/deleteMany without a where clause: a missing filter on a
 * tenant-owned table reads or changes every tenant's rows. Code that really means
 * "every row" says so with `where: { tenantId: { not: "" } }`-style explicit filters or raw SQL.
 */
export const guardEmptyWhere = Prisma.defineExtension({
  name: "guard-empty-where",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        if (GUARDED.has(operation) && isEmptyWhere((args as { where?: unknown } | undefined)?.where)) {
          throw new Error(`${model}.${operation} without a where clause is refused (it would touch every tenant's rows)`);
        }
        return query(args);
      },
    },
  },
});
