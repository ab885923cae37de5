// The one export of Clerk's Next.js SDK this package calls (clerk-provider.ts, inside Next.js
// only), as this package's own type check sees it (tsconfig `paths`). The SDK's declarations pull
// in Next.js's global types, which would retype process.env for every test here; the apps, which
// compile this package with Next.js, check the call against the SDK's real types.
export function auth(): Promise<{ sessionClaims: Record<string, unknown> | null }>;
