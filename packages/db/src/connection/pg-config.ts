import type { PoolConfig } from "pg";

/**
 * Discrete pg fields from a connection string. Prisma's migration-aware pg adapter builds its
 * shadow database connection by spreading this config with another `database`, which a
 * `connectionString` would silently override.
 */
export function pgConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "") || "postgres"),
  };
}
