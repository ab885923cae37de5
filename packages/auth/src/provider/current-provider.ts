import { betterAuthProvider } from "../better-auth/better-auth-provider";
import { clerkProvider } from "../clerk/clerk-provider";
import { authProviderName, type AuthProvider } from "./auth-provider";

/** The provider AUTH_PROVIDER names (read on every call, so tests and tools can switch it). */
export function currentAuthProvider(env: NodeJS.ProcessEnv = process.env): AuthProvider {
  return authProviderName(env) === "clerk" ? clerkProvider : betterAuthProvider;
}
