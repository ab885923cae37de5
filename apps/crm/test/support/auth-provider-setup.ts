// Runs before each test file. With AUTH_PROVIDER=clerk the process is configured for Clerk with a
// key pair made here (no network), and signInCookie hands out Clerk session tokens.
import { clerkTestMode, useClerkForTests } from "@real-estate/auth/testing";

if (clerkTestMode()) useClerkForTests();
