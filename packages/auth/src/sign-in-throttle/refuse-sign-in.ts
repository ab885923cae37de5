import { getAuth } from "../get-auth";
import { checkSignInThrottle } from "./check-sign-in-throttle";
import { recordSignInFailure } from "./record-sign-in-failure";
import { signInAddress } from "./sign-in-address";
import { staffSignInKeys } from "./sign-in-keys";

/**
 * Answers a sign-in that must fail whatever the password (the studio, for an account that is
 * not an operator's) exactly as a wrong password is answered: the same limits (refused while
 * locked, a failure counted otherwise) and the same scrypt work, so neither the answer nor
 * its time tells that the account exists.
 */
export async function refuseSignIn(options: {
  email: string;
  password: string;
  headers: Headers;
}): Promise<{ status: 401 } | { status: 429; retryAfterSeconds: number }> {
  const keys = staffSignInKeys({ email: options.email, address: signInAddress(options.headers) });
  const check = await checkSignInThrottle({ keys });
  if (!check.ok) return { status: 429, retryAfterSeconds: check.retryAfterSeconds };
  await (await getAuth().$context).password.hash(options.password);
  await recordSignInFailure({ keys });
  return { status: 401 };
}
