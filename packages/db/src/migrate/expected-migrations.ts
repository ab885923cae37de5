// Written by `npm run db:migrate:new`; a test checks it matches prisma/migrations.
export const EXPECTED_MIGRATIONS: readonly string[] = [
  "20261127114624_init"
];
