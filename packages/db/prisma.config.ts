import { defineConfig } from "prisma/config";

// DATABASE_URL is optional: without it the platform runs on embedded PostgreSQL, and
// `prisma generate` needs no database at all. env("DATABASE_URL") would throw when unset.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
