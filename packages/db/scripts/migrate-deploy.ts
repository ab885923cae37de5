// db:migrate:deploy — applies pending migrations; a second run changes nothing and says so.
import { applyPendingMigrations, openMigrationTarget } from "../src/migrate";
import { explainDatabaseError } from "../src/readiness";

try {
  const target = await openMigrationTarget(undefined, (line) => console.log(`db:migrate:deploy: ${line}`));
  try {
    const applied = await applyPendingMigrations(target);
    if (applied.length === 0) console.log(`db:migrate:deploy: ${target.description} is up to date; nothing to apply`);
    else {
      for (const name of applied) console.log(`db:migrate:deploy: applied ${name}`);
      console.log(`db:migrate:deploy: ${applied.length} migration(s) applied to ${target.description}`);
    }
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(`db:migrate:deploy: ${explainDatabaseError(error)}`);
  process.exit(1);
}
