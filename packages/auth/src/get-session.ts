import { currentAuthProvider } from "./provider/current-provider";
import type { AuthSession } from "./provider/auth-session";

export type { AuthSession } from "./provider/auth-session";

/** The session carried by these request headers (cookie), or null when signed out or expired. */
export async function getSession(headers: Headers): Promise<AuthSession | null> {
  return currentAuthProvider().getSession(headers);
}
