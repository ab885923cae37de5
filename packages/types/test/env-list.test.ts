import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEnvList } from "@real-estate/types/env-list";

describe("parseEnvList", () => {
  it("unset, empty, blank or only commas: no entries", () => {
    for (const raw of [undefined, "", "   ", ",", " , ,, ", "\t,\n"]) expect(parseEnvList(raw)).toEqual([]);
  });

  it("trims each entry and drops the empty ones, keeping order, case, duplicates and inner spaces", () => {
    expect(parseEnvList("a")).toEqual(["a"]);
    expect(parseEnvList(" b , A,,a ,\tC D\n, ")).toEqual(["b", "A", "a", "C D"]);
    expect(parseEnvList("x,x")).toEqual(["x", "x"]);
    expect(parseEnvList("http://localhost:3002, http://127.0.0.1:3002")).toEqual(["http://localhost:3002", "http://127.0.0.1:3002"]);
  });

  it("entries are never empty nor padded, and a list written without spaces or empty entries reads back as written", () => {
    const entry = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes(",") && s.trim() === s);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(fc.constantFrom("", " ", "\t", ","), { maxLength: 6 }), (entries, noise) => {
        expect(parseEnvList(entries.join(","))).toEqual(entries);
        const noisy = entries.map((e, i) => `${noise[i] ?? ""}${e}${noise[i] === "," ? "" : (noise[i] ?? "")}`).join(",");
        expect(parseEnvList(noisy)).toEqual(entries);
      }),
      { numRuns: 500 },
    );
  });
});
