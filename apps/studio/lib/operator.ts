import { requireOperator } from "@real-estate/auth";
import type { OperatorActor } from "@real-estate/operator";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

export type Operator = OperatorActor & { name: string };

/**
 * The signed-in operator for a page. Signed out: to the sign-in page. Signed in but not an
 * operator (a tenant owner, an agent): 404, as if the studio did not exist.
 */
export const requireOperatorPage = cache(async (): Promise<Operator> => {
  const access = await requireOperator(await headers());
  if (!access.ok) {
    if (access.reason === "unauthenticated") redirect("/sign-in");
    notFound();
  }
  const { user } = access.session;
  return { userId: user.id, email: user.email, name: user.name };
});

/** The operator behind an API request, or null (the caller answers 404). */
export async function operatorFromRequest(request: Request): Promise<Operator | null> {
  const access = await requireOperator(request.headers);
  if (!access.ok) return null;
  const { user } = access.session;
  return { userId: user.id, email: user.email, name: user.name };
}
