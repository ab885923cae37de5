import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The CRM's API suite again with Clerk as the sign-in provider (AUTH_PROVIDER=clerk): members
 * carry Clerk session tokens (signed with a key pair each run makes) instead of better-auth
 * cookies, and every assertion, tenant isolation included, must hold unchanged.
 * `npm run test:clerk` runs every API file; `npm test` names a representative subset (the lead
 * routes, contacts and the session routes) on the command line to keep CI time down.
 * api-contacts-activities' test of better-auth's own /api/auth/* handler is skipped under Clerk,
 * where a test of its 404 runs instead.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/api-*.test.ts", "test/v1-*.test.ts"],
    env: { AUTH_PROVIDER: "clerk" },
    setupFiles: ["test/support/auth-provider-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
