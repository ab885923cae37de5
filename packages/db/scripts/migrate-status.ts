// db:status — which migrations are applied and which are pending.
import { migrationStatus, openMigrationTarget } from "../src/migrate";
import { explainDatabaseError } from "../src/readiness";

try {
  const target = await openMigrationTarget(undefined, (line) => console.log(`db:status: ${line}`));
  try {
    const s = await migrationStatus(target);
    console.log(`db:status: ${target.description}`);
    for (const n of s.applied) console.log(`  applied  ${n}`);
    for (const n of s.pending) console.log(`  pending  ${n}`);
    for (const n of s.failed) console.log(`  FAILED   ${n}`);
    for (const n of s.edited) console.log(`  EDITED   ${n} (changed after it was applied)`);
    for (const n of s.unknown) console.log(`  UNKNOWN  ${n} (in the database, not in prisma/migrations)`);
    const ok = s.pending.length === 0 && s.failed.length === 0 && s.unknown.length === 0;
    console.log(ok ? "db:status: up to date" : `db:status: ${s.pending.length} pending, ${s.failed.length} failed, ${s.unknown.length} unknown`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await target.close();
  }
} catch (error) {
  console.error(`db:status: ${explainDatabaseError(error)}`);
  process.exit(1);
}
