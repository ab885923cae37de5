// fast-check arbitraries for what an attacker or a broken client sends: wrong types, missing
// fields, huge strings, deep nesting, invalid UTF-8, prototype-pollution keys, SQL and HTML.
import fc from "fast-check";

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  '\'; DROP TABLE "Lead"; --',
  "1; SELECT pg_sleep(5)--",
  "\\'; DELETE FROM \"Contact\" WHERE ''='",
  "$1::uuid",
  "%' AND 1=1 --",
];
export const HTML_PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
];
export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString"];
const WEIRD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "é".normalize("NFD"),
  "😀".repeat(50),
  "\r\n\r\nX-Injected: 1",
  "../../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "@",
  "a@b",
  "x@y.z".repeat(80),
];

export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(...SQL_PAYLOADS, ...HTML_PAYLOADS, ...WEIRD_STRINGS),
  fc.integer({ min: 256, max: 9_000 }).map((n) => "A".repeat(n)),
  fc.emailAddress(),
);

/** Nested arrays/objects `depth` deep (JSON parsers and validators that recurse must cope). */
export const deepNesting = fc.integer({ min: 20, max: 400 }).chain((depth) =>
  fc.boolean().map((asArray) => {
    let v: unknown = "bottom";
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(-1)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...POLLUTION_KEYS, "a", "b"), hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** JSON with an own `__proto__` key (JSON.stringify of an object literal would drop it). */
function withPollution(obj: Record<string, unknown>, key: string, value: unknown): string {
  const json = JSON.stringify(obj);
  const inner = `"${key}":${JSON.stringify(value ?? null) ?? "null"}`;
  return json === "{}" ? `{${inner}}` : `{${inner},${json.slice(1)}`;
}

export type FuzzBody = { contentType: string; body: Buffer; label: string };

/**
 * Bodies for a route whose fields are `fields`: each field present with a hostile value or
 * missing, plus pollution keys, non-object JSON, broken JSON, invalid UTF-8 and form posts.
 */
export function hostileBody(fields: string[]): fc.Arbitrary<FuzzBody> {
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] });
  const json = (label: string, text: string): FuzzBody => ({ contentType: "application/json", body: Buffer.from(text, "utf8"), label });
  return fc.oneof(
    { weight: 6, arbitrary: record.map((r) => json("fields", JSON.stringify(r))) },
    { weight: 2, arbitrary: fc.tuple(record, fc.constantFrom(...POLLUTION_KEYS), hostileValue).map(([r, k, v]) => json("pollution", withPollution(r, k, v))) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => json("any-json", JSON.stringify(v) ?? "null")) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((s) => json("broken-json", `{"email": "${s}`)) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
        contentType: "application/json",
        body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(bytes), Buffer.from('"}')]),
        label: "invalid-utf8",
      })),
    },
    {
      weight: 1,
      arbitrary: record.map((r) => ({
        contentType: "application/x-www-form-urlencoded",
        body: Buffer.from(new URLSearchParams(Object.entries(r).map(([k, v]) => [k, typeof v === "string" ? v : (JSON.stringify(v) ?? "")])).toString()),
        label: "form",
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("text/plain", "application/xml", "", "application/json; charset=utf-16")
        .map((ct) => ({ contentType: ct, body: Buffer.from('{"a":1}'), label: "content-type" })),
    },
  );
}

/** Bodies that once broke a route, sent first on every run: each field alone with a NUL byte, a lone surrogate, or an object that cannot become a primitive. */
export function regressionBodies(fields: string[]): FuzzBody[] {
  const values: unknown[] = ["with\u0000nul", "lone \uD800 surrogate", { toString: "x", valueOf: "y" }];
  return fields.flatMap((f) =>
    values.map((v) => ({
      contentType: "application/json",
      body: Buffer.from(JSON.stringify({ email: "pat@example.org", [f]: v }), "utf8"),
      label: `regression ${f}`,
    })),
  );
}

/** Deterministic samples (seeded, so a failure can be replayed with the same seed), after the regression bodies. */
export function sampleBodies(fields: string[], count: number, seed: number): FuzzBody[] {
  const regressions = regressionBodies(fields);
  return [...regressions, ...fc.sample(hostileBody(fields), { numRuns: Math.max(0, count - regressions.length), seed })];
}
