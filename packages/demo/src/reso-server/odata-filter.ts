// The local RESO server's $filter: parsed by @odata/parser (OData v4 ABNF), evaluated here over
// plain records. Covers what feeds send: eq/ne/gt/ge/lt/le, and/or/not, parentheses, string,
// number, boolean, null and DateTimeOffset literals. Anything else is a 400, as on a real server.
import { defaultParser } from "@odata/parser";

type Node = { type: string; value: unknown; raw?: string };
type Binary = { left: Node; right: Node };
export type ResoRecord = Record<string, unknown>;
export type RecordPredicate = (record: ResoRecord) => boolean;

export class ODataQueryError extends Error {}

const COMPARISONS: Record<string, (c: number) => boolean> = {
  EqualsExpression: (c) => c === 0,
  NotEqualsExpression: (c) => c !== 0,
  GreaterThanExpression: (c) => c > 0,
  GreaterOrEqualsExpression: (c) => c >= 0,
  LesserThanExpression: (c) => c < 0,
  LesserOrEqualsExpression: (c) => c <= 0,
};

type Operand = { kind: "field"; name: string } | { kind: "literal"; value: unknown; isDate: boolean };

function operand(node: Node): Operand {
  if (node.type === "Literal") {
    const raw = node.raw ?? "";
    const edm = String(node.value);
    if (raw === "null") return { kind: "literal", value: null, isDate: false };
    if (edm === "Edm.String") return { kind: "literal", value: raw.slice(1, -1).replaceAll("''", "'"), isDate: false };
    if (edm === "Edm.Boolean") return { kind: "literal", value: raw === "true", isDate: false };
    if (edm === "Edm.DateTimeOffset" || edm === "Edm.Date") return { kind: "literal", value: Date.parse(raw), isDate: true };
    return { kind: "literal", value: Number(raw), isDate: false };
  }
  let current: Node = node;
  while (current.type !== "ODataIdentifier") {
    if (!current.value || typeof current.value !== "object") throw new ODataQueryError(`unsupported $filter operand ${node.raw ?? node.type}`);
    current = current.value as Node;
  }
  return { kind: "field", name: (current.value as { name: string }).name };
}

function compare(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return a == b ? 0 : null;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" || typeof b === "boolean") return a === b ? 0 : null;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compile(node: Node): RecordPredicate {
  switch (node.type) {
    case "AndExpression": {
      const { left, right } = node.value as Binary;
      const l = compile(left),
        r = compile(right);
      return (rec) => l(rec) && r(rec);
    }
    case "OrExpression": {
      const { left, right } = node.value as Binary;
      const l = compile(left),
        r = compile(right);
      return (rec) => l(rec) || r(rec);
    }
    case "NotExpression": {
      const inner = compile(node.value as Node);
      return (rec) => !inner(rec);
    }
    case "BoolParenExpression":
    case "ParenExpression":
    case "CommonExpression":
      return compile(node.value as Node);
  }
  const test = COMPARISONS[node.type];
  if (!test) throw new ODataQueryError(`unsupported $filter expression ${node.type}`);
  const { left, right } = node.value as Binary;
  const l = operand(left),
    r = operand(right);
  const read = (o: Operand, other: Operand, rec: ResoRecord) => {
    if (o.kind === "literal") return o.value;
    const v = rec[o.name];
    return other.kind === "literal" && other.isDate && typeof v === "string" ? Date.parse(v) : v;
  };
  return (rec) => {
    const c = compare(read(l, r, rec), read(r, l, rec));
    if (c === null) return node.type === "NotEqualsExpression";
    return test(c);
  };
}

/** A predicate for an OData $filter string; throws ODataQueryError when it cannot be read. */
export function compileODataFilter(filter: string | null | undefined): RecordPredicate {
  if (!filter?.trim()) return () => true;
  let ast: Node;
  try {
    ast = defaultParser.filter(filter) as unknown as Node;
  } catch (error) {
    throw new ODataQueryError(`invalid $filter: ${error instanceof Error ? error.message : String(error)}`);
  }
  return compile(ast);
}
