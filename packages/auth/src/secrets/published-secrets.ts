import crypto from "node:crypto";

/**
 * SHA-256 digests of every secret value that has ever been written in this project's source
 * (the former development defaults and test constants). They are public, so a running app
 * refuses them even when an operator copies one into the environment. Only digests are kept
 * here: the values themselves are not repeated in the source.
 */
const PUBLISHED_SECRET_DIGESTS = new Set([
  // packages/auth: the former development BETTER_AUTH_SECRET
  "30af9c718ab6df53be6a5ca456c9e3e68c37983443f0b19f4de4b7a9b121be20",
  // apps/web, apps/studio: the former development INTERNAL_API_TOKEN
  "cb9b211fa3c2298a6d52c7f66015cb8bd62ba6c612248445573fb31d4b3c54fe",
  // better-auth's own fallback secret (printed in its package); this project always passes its own
  "2988a24c0bcc440e2c600c28394590bf7990f260cbf23503e03ee00092086e1f",
  // former test constants (tests now generate their secrets)
  "a307ad786f76d93740f279c1f47efd510b95923396a3ddb27c28c6f84d53ba99",
  "dbb589effeab41332052397a06569d9abf3355b8011d3e1340aa2e11e4b6e32b",
  "e0ab75038f58ba4f85e312a86180c59e9d114fb95f1d52bc4301e933df6e2730",
  "10df47f6e32f30a49f21c55acb97f32641b31eee069e2f377965b5039d2e2005",
]);

/** Whether this value was published in the project's source at some point. */
export function isPublishedSecret(value: string): boolean {
  return PUBLISHED_SECRET_DIGESTS.has(crypto.createHash("sha256").update(value).digest("hex"));
}
