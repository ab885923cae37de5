/** Secrets of the test servers only (each run's database is thrown away). */
export const TEST_AUTH_SECRET = "studio-test-secret-0123456789-abcdefghij";
export const TEST_INTERNAL_TOKEN = "studio-test-internal-token";
export const OPERATOR = { email: "operator@platform.example", password: "demo-operator-1234" };
export const OWNER = { email: "owner@fairfield.example", password: "demo-owner-1234" };
