"use client";
import { useSyncExternalStore } from "react";

const HINT = "visitor_signed_in=1";
const subscribe = () => () => {};
const signedIn = () => document.cookie.split(";").some((c) => c.trim() === HINT);

/** "Sign in" or "My account": pages are cached for everyone, so the browser decides from a non-secret hint cookie. */
export function AccountLink({ className }: { className?: string }) {
  const isSignedIn = useSyncExternalStore(subscribe, signedIn, () => false);
  return isSignedIn ? (
    <a className={className} href="/account">
      My account
    </a>
  ) : (
    <a className={className} href="/sign-in">
      Sign in
    </a>
  );
}
