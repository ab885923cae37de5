// Runs once when the server starts: a server without its secrets (or with a published one)
// stops here with a readable message instead of failing at its first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertSecretsConfigured } = await import("@real-estate/auth/secrets");
  try {
    assertSecretsConfigured(["INTERNAL_API_TOKEN"]);
  } catch (error) {
    console.error(`apps/web: ${(error as Error).message}`);
    process.exit(1);
  }
}
