// Text as PostgreSQL can store it and as people wrote it. Tracking fields (UTM values, page URLs,
// referrers, user agents) come from browsers and are cut to a length: the cut must never split a
// character in two (half a surrogate pair is not storable text) nor, where it can be helped, a
// character a person sees as one (an emoji with modifiers, a letter with combining accents).

/** NUL and unpaired UTF-16 surrogates: PostgreSQL's text type cannot hold them. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when PostgreSQL can store the text as it is. */
export function isStorableText(value: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return !UNSTORABLE.test(value);
}

/** The text without NUL characters and unpaired surrogates (for fields a browser fills, not a person). */
export function stripUnstorable(value: string): string {
  return value.replace(UNSTORABLE, "");
}

/** Spaces (Unicode's too) and C0/C1 control characters: tab, CR, LF, DEL, NEL, no-break space, ... */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * True when a URL as typed holds a space or a control character. The URL parser drops tabs and
 * line breaks and percent-encodes spaces, so such a URL stored and shown would not be the one called.
 */
export function hasSpaceOrControl(value: string): boolean {
  return SPACE_OR_CONTROL.test(value);
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

/**
 * The longest prefix of `value` of at most `max` UTF-16 code units (the unit JavaScript's length
 * and zod's max count) that ends on a character boundary: never inside a surrogate pair, and at a
 * grapheme boundary when the runtime can tell them. Text within the limit is returned unchanged.
 */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max <= 0) return "";
  if (segmenter) {
    let end = 0;
    for (const { index, segment } of segmenter.segment(value)) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
    if (end > 0) return value.slice(0, end);
  }
  // One grapheme longer than max (or no segmenter): cut between code points.
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end);
}

/** A browser-supplied tracking value as stored: trimmed, storable, cut on a character boundary; undefined when empty. */
export function trackingText(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = truncateText(stripUnstorable(value).trim(), max).trim();
  return text || undefined;
}
