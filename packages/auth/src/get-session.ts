import { getAuth } from "./get-auth";

/** The signed-in user and their session, provider-neutral. */
export type AuthSession = {
  user: { id: string; email: string; name: string; platformRole: string | null };
  session: { id: string; expiresAt: Date };
};

/** The session carried by these request headers (cookie), or null when signed out or expired. */
export async function getSession(headers: Headers): Promise<AuthSession | null> {
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
