import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStorableText, stripUnstorable, trackingText, truncateText } from "../src/text";

const anyText = fc.string({ unit: "binary", maxLength: 60 });
const graphemeText = fc.string({ unit: "grapheme", maxLength: 40 });

describe("truncateText", () => {
  it("never exceeds the limit, is a prefix, and never leaves half a surrogate pair", () => {
    fc.assert(
      fc.property(graphemeText, fc.integer({ min: 0, max: 80 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        expect(isStorableText(cut)).toBe(true);
        if (text.length <= max) expect(cut).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts on grapheme boundaries: every kept character is whole", () => {
    const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    fc.assert(
      fc.property(graphemeText, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const cut = truncateText(text, max);
        const whole = [...seg.segment(text)].map((s) => s.segment);
        const kept = [...seg.segment(cut)].map((s) => s.segment);
        // Every grapheme of the cut is a grapheme of the text (the last one was not shortened), unless
        // a single grapheme is longer than the limit, when the cut falls between code points.
        if (whole[0] && whole[0].length <= max) expect(kept).toEqual(whole.slice(0, kept.length));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps an emoji whole or drops it, never half of it", () => {
    expect(truncateText("ab😀", 3)).toBe("ab");
    expect(truncateText("ab😀", 4)).toBe("ab😀");
    expect(truncateText("👍🏽x", 3)).toBe("👍"); // a character longer than the limit: cut between code points
    expect(truncateText("e\u0301e\u0301", 3)).toBe("e\u0301");
  });
});

describe("stripUnstorable / trackingText", () => {
  it("leaves only text PostgreSQL can store", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isStorableText(stripUnstorable(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("trims, strips and cuts a browser value; empty becomes undefined", () => {
    expect(trackingText(" spring\u0000 sale ", 200)).toBe("spring sale");
    expect(trackingText("x\uD800y", 200)).toBe("xy");
    expect(trackingText(`${"a".repeat(199)}😀`, 200)).toBe("a".repeat(199));
    expect(trackingText("   ", 10)).toBeUndefined();
    expect(trackingText(42, 10)).toBeUndefined();
  });
});
