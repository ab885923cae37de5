// The object shape a zod schema expression accepts, read from source: fields, nested objects and
// arrays, following schemas by name into other files and packages.
import ts from "typescript";
import { type SourceIndex, unwrap } from "./source-index";
import type { FieldPath } from "./route-inputs";

export type Shape = { kind: "leaf" } | { kind: "object"; fields: Map<string, Shape> } | { kind: "array"; item: Shape };
export const LEAF: Shape = { kind: "leaf" };

export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.kind === "object" && b.kind === "object") {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, fields.has(k) ? mergeShapes(fields.get(k)!, v) : v);
    return { kind: "object", fields };
  }
  if (a.kind === "array" && b.kind === "array") return { kind: "array", item: mergeShapes(a.item, b.item) };
  return a.kind === "leaf" ? b : a;
}

/** The value a function gives back (an arrow's expression, or its first `return`). */
function returned(node: ts.Node): ts.Expression | null {
  let fn = ts.isVariableDeclaration(node) ? node.initializer && unwrap(node.initializer) : node;
  // A builder handed to a helper that remembers what it made (`perCountry((country) => z.object(...))`):
  // the builder is the call's function argument.
  if (fn && ts.isCallExpression(fn)) fn = fn.arguments.map(unwrap).find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return null;
  if (!ts.isBlock(fn.body)) return fn.body;
  let found: ts.Expression | null = null;
  const visit = (n: ts.Node) => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) found = n.expression;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** The object shape a zod schema expression accepts (fields, nested objects and arrays); leaf when it is not an object. */
export function shapeOf(idx: SourceIndex, expr: ts.Expression, file: string, depth = 0): Shape {
  if (depth > 16) return LEAF;
  const e = unwrap(expr);
  const next = (x: ts.Expression, f = file) => shapeOf(idx, x, f, depth + 1);
  if (ts.isIdentifier(e)) {
    const decl = idx.declaration(file, e.text);
    if (!decl) return LEAF;
    if (ts.isVariableDeclaration(decl.node) && decl.node.initializer) {
      const init = unwrap(decl.node.initializer);
      if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) return next(init, decl.file);
    }
    return LEAF;
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === "shape") return next(e.expression);
  if (!ts.isCallExpression(e) && !ts.isObjectLiteralExpression(e)) return LEAF;
  const objectOf = (arg: ts.Expression | undefined): Shape => {
    const lit = arg && unwrap(arg);
    if (!lit || !ts.isObjectLiteralExpression(lit)) return arg ? next(arg) : LEAF;
    const fields = new Map<string, Shape>();
    let shape: Shape = { kind: "object", fields };
    for (const p of lit.properties) {
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
      if (ts.isPropertyAssignment(p) && key) fields.set(key, next(p.initializer));
      else if (ts.isShorthandPropertyAssignment(p)) fields.set(p.name.text, next(p.name));
      else if (ts.isSpreadAssignment(p)) shape = mergeShapes(shape, next(p.expression));
    }
    return shape;
  };
  // A plain object of zod types (a shape handed to a query parser).
  if (ts.isObjectLiteralExpression(e)) return objectOf(e);
  const args = e.arguments;
  const callee = unwrap(e.expression);
  const keysOf = (arg: ts.Expression | undefined) => {
    const lit = arg && unwrap(arg);
    return new Set(lit && ts.isObjectLiteralExpression(lit) ? lit.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : "")) : []);
  };
  const listed = (arg: ts.Expression | undefined): Shape => {
    const lit = arg && unwrap(arg);
    if (!lit || !ts.isArrayLiteralExpression(lit)) return LEAF;
    return lit.elements.map((el) => next(el)).reduce(mergeShapes, LEAF);
  };
  if (ts.isIdentifier(callee)) {
    // A function that builds the schema (e.g. per tenant country).
    const decl = idx.declaration(file, callee.text);
    const body = decl && returned(decl.node);
    return body ? next(body, decl.file) : LEAF;
  }
  if (!ts.isPropertyAccessExpression(callee)) return LEAF;
  const method = callee.name.text;
  const target = unwrap(callee.expression);
  if (ts.isIdentifier(target) && target.text === "z") {
    if (["object", "strictObject", "looseObject", "interface"].includes(method)) return objectOf(args[0]);
    if (method === "array") return { kind: "array", item: args[0] ? next(args[0]) : LEAF };
    if (method === "union" || method === "discriminatedUnion" || method === "xor") return listed(args[args.length - 1]);
    if (method === "intersection") return mergeShapes(args[0] ? next(args[0]) : LEAF, args[1] ? next(args[1]) : LEAF);
    if (method === "preprocess") return args[1] ? next(args[1]) : LEAF;
    if (["optional", "nullable", "nullish", "readonly", "nonoptional"].includes(method)) return args[0] ? next(args[0]) : LEAF;
    if (method === "lazy" && args[0]) {
      const body = returned(args[0]);
      return body ? next(body) : LEAF;
    }
    return LEAF;
  }
  const base = () => next(callee.expression);
  switch (method) {
    case "extend":
    case "safeExtend":
      return mergeShapes(base(), objectOf(args[0]));
    case "merge":
    case "and":
    case "or":
      return mergeShapes(base(), args[0] ? next(args[0]) : LEAF);
    case "array":
      return { kind: "array", item: base() };
    case "pick":
    case "omit": {
      const shape = base();
      if (shape.kind !== "object") return shape;
      const keys = keysOf(args[0]);
      return { kind: "object", fields: new Map([...shape.fields].filter(([k]) => keys.has(k) === (method === "pick"))) };
    }
    default:
      // refine, superRefine, transform, pipe, optional, default, partial, strict, describe, …: the same fields.
      return base();
  }
}

export function flatten(shape: Shape, prefix: FieldPath = []): FieldPath[] {
  if (shape.kind === "leaf") return prefix.length ? [prefix] : [];
  if (shape.kind === "array") return flatten(shape.item, [...prefix, "[]"]);
  const out: FieldPath[] = [];
  for (const [k, v] of shape.fields) {
    const sub = flatten(v, [...prefix, k]);
    out.push(...(sub.length ? sub : [[...prefix, k]]));
  }
  return out;
}
