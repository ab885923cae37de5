import { describe, expect, it } from "vitest";
import { inlineParameters } from "../src/rate-limit/inline-parameters";

describe("inlineParameters", () => {
  it("writes each parameter as a literal of unknown type, as node-postgres sends it", () => {
    expect(inlineParameters(`INSERT INTO "t" VALUES ($1, $2, $3) RETURNING points;`, ["k", 1, null])).toBe(
      `INSERT INTO "t" VALUES ('k', '1', NULL) RETURNING points`,
    );
    expect(inlineParameters("SELECT $1, $10", ["a", 2, 3, 4, 5, 6, 7, 8, 9, 10n])).toBe("SELECT 'a', '10'");
    expect(inlineParameters("SELECT $1", ["o'brien"])).toBe("SELECT 'o''brien'");
    expect(inlineParameters("SELECT $1", ["a\\b"])).toBe("SELECT  E'a\\\\b'");
  });

  it("refuses what it cannot write so: the caller then sends parameters", () => {
    expect(inlineParameters("SELECT $1", [Infinity])).toBeNull();
    expect(inlineParameters("SELECT $1", [new Date(0)])).toBeNull();
    expect(inlineParameters("SELECT $1", ["a\0b"])).toBeNull();
    expect(inlineParameters("SELECT $2", ["a"])).toBeNull();
    expect(inlineParameters("SELECT $0", ["a"])).toBeNull();
    expect(inlineParameters("SELECT '$1', $1", ["a"])).toBeNull();
    expect(inlineParameters("SELECT $1 -- $2", ["a"])).toBeNull();
    expect(inlineParameters("SELECT $1 /* x */", ["a"])).toBeNull();
    expect(inlineParameters("SELECT $tag$x$tag$", [])).toBeNull();
    expect(inlineParameters("SELECT 1; SELECT $1", ["a"])).toBeNull();
    expect(inlineParameters('SELECT 1 AS "$1"', ["a"])).toBeNull();
  });
});
