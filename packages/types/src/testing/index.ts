// Helpers for the tests of every package; never imported by runtime code (the lint's
// no-restricted-imports rule refuses `@real-estate/*/testing` outside tests and testing folders).
import { expect } from "vitest";

/**
 * Awaits a promise that must reject with an instance of `type` and returns that error (the test
 * fails when the promise resolves or rejects with anything else), so a test can go on to assert
 * its status, code or fields.
 */
export async function failure<E>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
