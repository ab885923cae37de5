import { getDb, type Db } from "@real-estate/db";
import { createAuth, type Auth } from "./create-auth";

// One auth instance per Prisma client, created on first use (not at import, so `next build`
// needs no secret) and following setDb() in tests.
const instances = new WeakMap<Db, Auth>();

/** The better-auth instance for the process-wide database client. */
export function getAuth(): Auth {
  const db = getDb();
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
  }
  return auth;
}
