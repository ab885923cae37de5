// What the apps hand Clerk's Next.js SDK: nothing under better-auth (no Clerk key needed), and
// under Clerk the middleware's offline-verification options and the provider's props, with one
// readable line for each missing or malformed setting.
import { describe, expect, it } from "vitest";
import { clerkMiddlewareOptions, clerkProviderProps, clerkSelected, frontendApiOf, readClerkAppEnv } from "../src/clerk-next";
import { createClerkTestKeys } from "../src/testing";

const keys = createClerkTestKeys();
const PARTY = "https://crm.alpha.example";
const publishableKey = `pk_live_${Buffer.from("clerk.alpha.example$").toString("base64")}`;
const clerk = {
  AUTH_PROVIDER: "clerk",
  CLERK_JWT_KEY: keys.publicKeyPem,
  CLERK_AUTHORIZED_PARTIES: PARTY,
  CLERK_PUBLISHABLE_KEY: publishableKey,
  CLERK_SECRET_KEY: "sk_live_abc123",
} as NodeJS.ProcessEnv;

describe("the apps' Clerk SDK settings", () => {
  it("are absent under better-auth, which needs no Clerk key", () => {
    expect(clerkSelected({} as NodeJS.ProcessEnv)).toBe(false);
    expect(clerkProviderProps({ AUTH_PROVIDER: "better-auth" } as NodeJS.ProcessEnv)).toBeNull();
  });

  it("verify with the PEM key and the configured parties only", () => {
    const options = clerkMiddlewareOptions(clerk);
    expect(options.jwtKey).toBe(keys.publicKeyPem.trim());
    expect(options.authorizedParties).toEqual([PARTY]);
    expect(options.publishableKey).toBe(publishableKey);
    expect(options.clockSkewInMs).toBe(5000);
    expect("secretKey" in options).toBe(false);
    expect(clerkProviderProps(clerk)).toEqual({ publishableKey, signInUrl: "/sign-in" });
    expect(clerkProviderProps({ ...clerk, CLERK_SIGN_IN_URL: "https://accounts.alpha.example/sign-in" })?.signInUrl).toBe(
      "https://accounts.alpha.example/sign-in",
    );
  });

  it("read the Frontend API host from the publishable key", () => {
    expect(frontendApiOf(publishableKey)).toBe("clerk.alpha.example");
    expect(readClerkAppEnv(clerk).frontendApi).toBe("clerk.alpha.example");
    expect(frontendApiOf(`pk_test_${Buffer.from("no-dollar.example").toString("base64")}`)).toBeNull();
    expect(frontendApiOf("sk_live_abc")).toBeNull();
  });

  it("name what is missing or malformed", () => {
    expect(() => readClerkAppEnv({ ...clerk, CLERK_PUBLISHABLE_KEY: "" })).toThrow(/CLERK_PUBLISHABLE_KEY is required/);
    expect(() => readClerkAppEnv({ ...clerk, CLERK_PUBLISHABLE_KEY: "pk_live_%%%" })).toThrow(/not a Clerk publishable key/);
    expect(() => readClerkAppEnv({ ...clerk, CLERK_SECRET_KEY: undefined })).toThrow(/CLERK_SECRET_KEY/);
    expect(() => readClerkAppEnv({ ...clerk, CLERK_SIGN_IN_URL: "/sign-in" })).toThrow(/CLERK_SIGN_IN_URL/);
    expect(() => readClerkAppEnv({ ...clerk, CLERK_JWT_KEY: undefined })).toThrow(/CLERK_JWT_KEY/);
  });
});
