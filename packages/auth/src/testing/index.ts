export {
  CLERK_TEST_FRONTEND_API,
  clerkTestKeysFrom,
  clerkTestPrivateKeyPem,
  createClerkTestKeys,
  createSvixTestSecret,
  signClerkSessionToken,
  svixHeaders,
  type ClerkTestClaims,
  type ClerkTestKeys,
} from "./clerk-test-keys";
export {
  CLERK_TEST_PUBLISHABLE_KEY,
  clientUatOf,
  CLERK_TEST_PARTY,
  CLERK_TEST_SIGNING_KEY_ENV,
  clerkSessionCookieFor,
  createClerkTestUser,
  clerkTestMode,
  useClerkForTests,
} from "./clerk-test-mode";
