import { SignIn } from "@clerk/nextjs";

/**
 * Clerk's own sign-in (AUTH_PROVIDER=clerk), in place of the password form: Clerk's browser
 * script draws it and signs the person in against the instance's Frontend API, then sends them
 * on to `next`. Only rendered under Clerk, inside the layout's ClerkProvider.
 */
export function ClerkSignIn({ next }: { next: string }) {
  return (
    <div data-testid="clerk-sign-in">
      <SignIn routing="hash" forceRedirectUrl={next} />
    </div>
  );
}
