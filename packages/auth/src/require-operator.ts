import { getSession, type AuthSession } from "./get-session";

/** The platform role that may use the studio. */
export const OPERATOR_ROLE = "operator";

export type OperatorAccess =
  { ok: true; session: AuthSession } | { ok: false; reason: "unauthenticated" } | { ok: false; reason: "not_operator"; session: AuthSession };

/** Checks that the signed-in user is a platform operator (user.platformRole = "operator"). */
export async function requireOperator(headers: Headers): Promise<OperatorAccess> {
  const session = await getSession(headers);
  if (!session) return { ok: false, reason: "unauthenticated" };
  if (session.user.platformRole !== OPERATOR_ROLE) return { ok: false, reason: "not_operator", session };
  return { ok: true, session };
}
