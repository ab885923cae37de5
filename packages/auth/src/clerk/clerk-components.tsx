/**
 * Clerk's parts of the CRM's and the studio's pages (AUTH_PROVIDER=clerk), from Clerk's Next.js
 * SDK: the provider around the root layout and Clerk's own sign-in. Under better-auth nothing of
 * Clerk is rendered and no Clerk key is needed.
 */
import { ClerkProvider, SignIn } from "@clerk/nextjs";
import { clerkProviderProps } from "../clerk-next";

/**
 * The root layout's page inside Clerk's provider (its browser scripts carry this response's
 * nonce) when Clerk signs people in; the page alone under better-auth.
 */
export function ClerkRoot({ children }: { children: React.ReactNode }) {
  const clerk = clerkProviderProps();
  return clerk ? (
    <ClerkProvider dynamic {...clerk}>
      {children}
    </ClerkProvider>
  ) : (
    children
  );
}

/**
 * Clerk's own sign-in, in place of the password form: Clerk's browser script draws it and signs
 * the person in against the instance's Frontend API, then sends them on to `next`. Only rendered
 * under Clerk, inside the layout's ClerkRoot.
 */
export function ClerkSignIn({ next }: { next: string }) {
  return (
    <div data-testid="clerk-sign-in">
      <SignIn routing="hash" forceRedirectUrl={next} />
    </div>
  );
}
