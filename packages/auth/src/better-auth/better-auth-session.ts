import { getAuth } from "../get-auth";
import type { AuthSession } from "../provider/auth-session";

/** The better-auth session carried by these request headers (cookie), or null when signed out or expired. */
export async function getBetterAuthSession(headers: Headers): Promise<AuthSession | null> {
  const result = await getAuth()
    .api.getSession({ headers })
    .catch(() => null);
  if (!result) return null;
  const user = result.user as typeof result.user & { platformRole?: string | null };
  return {
    user: { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole ?? null },
    session: { id: result.session.id, expiresAt: result.session.expiresAt },
  };
}
