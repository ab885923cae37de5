import { describe, expect, it } from "vitest";
import { failure } from "../src/testing";

class NotFound extends Error {
  readonly status = 404;
}

describe("failure (the tests' helper for a promise that must reject)", () => {
  it("returns the error the promise rejected with, typed as the class asked for", async () => {
    const error = await failure(Promise.reject(new NotFound("gone")), NotFound);
    expect([error.status, error.message]).toEqual([404, "gone"]);
  });

  it("fails the test when the promise resolves, or rejects with another kind of error", async () => {
    await expect(failure(Promise.resolve("fine"), NotFound)).rejects.toThrow(/instance of NotFound/);
    await expect(failure(Promise.reject(new TypeError("other")), NotFound)).rejects.toThrow(/instance of NotFound/);
  });
});
