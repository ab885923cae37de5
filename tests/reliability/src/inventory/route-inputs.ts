// Each route's own inputs, read from its source so a new field is probed without anyone editing
// a list: the query parameters it reads (`searchParams.get("x")`, a page's `searchParams` type and
// the names read off it) and the JSON / form body fields it parses (the zod schemas it calls
// `parse` / `safeParse` on or hands to a body reader, nested fields as paths, and the names it
// reads off a guarded form's `data`). Helpers of the app that a handler calls are read too
// (three calls deep); schemas are followed into the workspace packages.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { AppName, HttpVerb, RouteEntry } from "./route-inventory";

/** A body field as a path from the top of the JSON body; "[]" stands for an array's element. */
export type FieldPath = string[];
export type RouteInputs = { query: string[]; body: FieldPath[] };

type Shape = { kind: "leaf" } | { kind: "object"; fields: Map<string, Shape> } | { kind: "array"; item: Shape };
const LEAF: Shape = { kind: "leaf" };

/** Header and cookie names read with `.get("…")` are not parameters. */
const NOT_PARAMETERS = new Set(["host", "origin", "referer", "cookie", "authorization", "accept", "user-agent", "content-type", "content-length"]);
const PARSE_METHODS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "decode", "safeDecode"]);
const READ_METHODS = new Set(["get", "getAll", "has"]);
const HELPER_DEPTH = 3;

type Decl = { node: ts.Node; file: string };

/** Parsed sources and module resolution for one repository (app aliases `@/`, workspace packages by name). */
class SourceIndex {
  private readonly parsed = new Map<string, ts.SourceFile | null>();
  private readonly packages = new Map<string, { dir: string; exports: Record<string, unknown> }>();

  constructor(readonly repoRoot: string) {
    for (const group of ["packages", "services", "apps"]) {
      const base = path.join(repoRoot, group);
      if (!fs.existsSync(base)) continue;
      for (const name of fs.readdirSync(base)) {
        const file = path.join(base, name, "package.json");
        if (!fs.existsSync(file)) continue;
        const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; exports?: unknown };
        if (!pkg.name) continue;
        const exports = typeof pkg.exports === "string" ? { ".": pkg.exports } : ((pkg.exports ?? {}) as Record<string, unknown>);
        this.packages.set(pkg.name, { dir: path.dirname(file), exports });
      }
    }
  }

  source(file: string): ts.SourceFile | null {
    if (!this.parsed.has(file)) {
      const text = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : null;
      this.parsed.set(
        file,
        text === null ? null : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
      );
    }
    return this.parsed.get(file) ?? null;
  }

  private firstFile(base: string): string | null {
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return null;
  }

  /** The file an import specifier names, or null (node modules are not read). */
  resolve(fromFile: string, spec: string): string | null {
    if (spec.startsWith(".")) return this.firstFile(path.resolve(path.dirname(fromFile), spec));
    if (spec.startsWith("@/")) {
      const app = /[\\/]apps[\\/]([^\\/]+)[\\/]/.exec(path.relative(this.repoRoot, fromFile).replace(/^/, "/"))?.[1];
      return app ? this.firstFile(path.join(this.repoRoot, "apps", app, spec.slice(2))) : null;
    }
    const match = /^(@[^/]+\/[^/]+|[^@/][^/]*)(\/.*)?$/.exec(spec);
    const pkg = match ? this.packages.get(match[1]!) : undefined;
    if (!pkg) return null;
    const target = pkg.exports[`.${match![2] ?? ""}`];
    const file =
      typeof target === "string" ? target : ((target as Record<string, string> | undefined)?.import ?? (target as Record<string, string> | undefined)?.default);
    return typeof file === "string" && /\.tsx?$/.test(file) ? this.firstFile(path.join(pkg.dir, file)) : null;
  }

  /** The top-level declaration `name` stands for in `file`: its own, or where an import leads. */
  declaration(file: string, name: string, seen = new Set<string>()): Decl | null {
    const key = `${file}#${name}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const sf = this.source(file);
    if (!sf) return null;
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return { node: d, file };
      } else if ((ts.isFunctionDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name?.text === name) {
        return { node: st, file };
      } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const bindings = st.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        for (const el of bindings.elements) {
          if (el.name.text !== name) continue;
          const target = this.resolve(file, st.moduleSpecifier.text);
          return target ? this.exported(target, (el.propertyName ?? el.name).text, seen) : null;
        }
      }
    }
    return null;
  }

  /** What `file` exports as `name` (its own declaration, a named re-export or `export *`). */
  exported(file: string, name: string, seen: Set<string>): Decl | null {
    const own = this.declaration(file, name, seen);
    if (own) return own;
    const sf = this.source(file);
    if (!sf) return null;
    for (const st of sf.statements) {
      if (!ts.isExportDeclaration(st)) continue;
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? this.resolve(file, st.moduleSpecifier.text) : null;
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.name.text !== name) continue;
          const original = (el.propertyName ?? el.name).text;
          return from ? this.exported(from, original, seen) : this.declaration(file, original, seen);
        }
      } else if (!st.exportClause && from) {
        const found = this.exported(from, name, seen);
        if (found) return found;
      }
    }
    return null;
  }
}

const unwrap = (e: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e)
    ? unwrap(e.expression)
    : e;

function mergeShapes(a: Shape, b: Shape): Shape {
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
  const fn = ts.isVariableDeclaration(node) ? node.initializer && unwrap(node.initializer) : node;
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
function shapeOf(idx: SourceIndex, expr: ts.Expression, file: string, depth = 0): Shape {
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

function flatten(shape: Shape, prefix: FieldPath = []): FieldPath[] {
  if (shape.kind === "leaf") return prefix.length ? [prefix] : [];
  if (shape.kind === "array") return flatten(shape.item, [...prefix, "[]"]);
  const out: FieldPath[] = [];
  for (const [k, v] of shape.fields) {
    const sub = flatten(v, [...prefix, k]);
    out.push(...(sub.length ? sub : [[...prefix, k]]));
  }
  return out;
}

/** What a handler reads: query names, names read off a form's `data`, the schemas of its body and of its query. */
type Found = { query: Set<string>; dataNames: Set<string>; body: Shape; queryShape: Shape; holders: Set<string> };
type ScanContext = { idx: SourceIndex; app: AppName; page: boolean; visited: Set<ts.Node> };

/** Schemas of the environment are not request inputs. */
const ENV = /process\.env|Env\b/;
/** A schema or shape handed to a function by name (`readJsonBody(request, ZContactCreate)`, `parseQuery(leadListQueryShape, params)`). */
const SCHEMA_NAME = /^Z[A-Z]|[a-z](?:Shape|Schema)$/;
/** Arguments that carry the URL's query. */
const QUERY_SOURCE = /searchParams|\bparams\b|\bsearch\b|\bquery\b/;
/** Arguments that carry the request body into a domain function (`createTenant({ input: await readJson(request) })`). */
const BODY_SOURCE = /readJson|readBody|\.json\(\)|\.formData\(\)|\bbody\b|\binput\b|\bdata\b/;
/** Methods of URLSearchParams and objects, not parameter names. */
const NOT_NAMES = new Set(["get", "getAll", "has", "entries", "keys", "values", "forEach", "toString", "size", "then"]);

const isAppFile = (idx: SourceIndex, file: string, app: AppName) => path.relative(path.join(idx.repoRoot, "apps", app), file).split(path.sep)[0] !== "..";
const nameOf = (n: ts.PropertyName | ts.BindingName | undefined) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : null);

/** Keys of a page's `searchParams` type (`Promise<{ q?: string }>`, or a named type of the file). */
function typeKeys(idx: SourceIndex, file: string, t: ts.TypeNode | undefined, query: Set<string>, depth = 0): void {
  if (!t || depth > 4) return;
  const members = (list: readonly ts.TypeElement[]) => list.forEach((m) => nameOf(m.name) && query.add(nameOf(m.name)!));
  if (ts.isTypeLiteralNode(t)) members(t.members);
  if (ts.isTypeReferenceNode(t)) {
    for (const arg of t.typeArguments ?? []) typeKeys(idx, file, arg, query, depth + 1);
    const decl = ts.isIdentifier(t.typeName) ? idx.declaration(file, t.typeName.text) : null;
    if (decl && ts.isTypeAliasDeclaration(decl.node)) typeKeys(idx, decl.file, decl.node.type, query, depth + 1);
    if (decl && ts.isInterfaceDeclaration(decl.node)) members(decl.node.members);
  }
}

/**
 * Reads one handler (or page) and the app's own helpers and components it hands the request to:
 * names read with `.get("…")` and off `data`, the schemas it parses with, and (pages) the names
 * read off `searchParams`. Domain functions of the packages that get the body are read for their
 * schemas only.
 */
function scanNode(ctx: ScanContext, node: ts.Node, file: string, found: Found, depth: number, schemasOnly = false) {
  if (ctx.visited.has(node)) return;
  ctx.visited.add(node);
  const { idx } = ctx;
  const addShape = (shape: Shape, args: readonly ts.Expression[]) => {
    found.body = mergeShapes(found.body, shape);
    const fromQuery = args.some((a) => {
      const u = unwrap(a);
      return (ts.isIdentifier(u) && found.holders.has(u.text)) || QUERY_SOURCE.test(a.getText());
    });
    if (fromQuery) found.queryShape = mergeShapes(found.queryShape, shape);
  };
  const follow = (name: string, args: readonly ts.Node[]) => {
    if (depth >= HELPER_DEPTH) return;
    const decl = idx.declaration(file, name);
    if (!decl || ts.isTypeAliasDeclaration(decl.node) || ts.isInterfaceDeclaration(decl.node)) return;
    if (isAppFile(idx, decl.file, ctx.app)) scanNode(ctx, decl.node, decl.file, found, depth + 1, schemasOnly);
    else if (args.some((a) => BODY_SOURCE.test(a.getText()))) scanNode(ctx, decl.node, decl.file, found, depth + 1, true);
  };
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && n.initializer && !schemasOnly && /\bsearchParams\b/.test(n.initializer.getText())) {
      if (ts.isIdentifier(n.name)) found.holders.add(n.name.text);
      else if (ctx.page && ts.isObjectBindingPattern(n.name) && !ts.isCallExpression(unwrap(n.initializer)))
        for (const el of n.name.elements) if (nameOf(el.propertyName ?? el.name)) found.query.add(nameOf(el.propertyName ?? el.name)!);
    }
    if (ctx.page && ts.isPropertySignature(n) && nameOf(n.name) === "searchParams") typeKeys(idx, file, n.type, found.query);
    if (ts.isPropertyAccessExpression(n) && !schemasOnly) {
      const target = unwrap(n.expression);
      const name = n.name.text;
      // `data.listingKey`, `r.data._method`: fields read off a guarded body.
      if ((ts.isIdentifier(target) && target.text === "data") || (ts.isPropertyAccessExpression(target) && target.name.text === "data"))
        found.dataNames.add(name);
      if (ctx.page && ts.isIdentifier(target) && (target.text === "searchParams" || found.holders.has(target.text)) && !NOT_NAMES.has(name))
        found.query.add(name);
    }
    if (
      ctx.page &&
      ts.isElementAccessExpression(n) &&
      ts.isIdentifier(n.expression) &&
      found.holders.has(n.expression.text) &&
      ts.isStringLiteralLike(n.argumentExpression)
    )
      found.query.add(n.argumentExpression.text);
    if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      const first = n.arguments[0] && unwrap(n.arguments[0]);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (!schemasOnly && READ_METHODS.has(method) && first && ts.isStringLiteralLike(first) && !NOT_PARAMETERS.has(first.text.toLowerCase())) {
          if (!/headers|cookie/i.test(callee.expression.getText())) {
            found.query.add(first.text);
            found.dataNames.add(first.text);
          }
        }
        if (PARSE_METHODS.has(method) && !ENV.test(callee.expression.getText()) && !n.arguments.some((a) => ENV.test(a.getText())))
          addShape(shapeOf(idx, callee.expression, file), n.arguments);
      }
      for (const arg of n.arguments) {
        const a = unwrap(arg);
        if (ts.isIdentifier(a) && SCHEMA_NAME.test(a.text) && !ENV.test(a.text)) addShape(shapeOf(idx, a, file), n.arguments);
      }
      if (ts.isIdentifier(callee)) follow(callee.text, n.arguments);
    }
    // A page handing its searchParams to a component of the app: read the component too.
    if ((ts.isJsxSelfClosingElement(n) || ts.isJsxOpeningElement(n)) && ts.isIdentifier(n.tagName) && /searchParams/.test(n.attributes.getText()))
      follow(n.tagName.text, [n.attributes]);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

const WRITE_VERBS: HttpVerb[] = ["POST", "PUT", "PATCH", "DELETE"];

/**
 * Inputs per verb of every route: `inputs[verb]` for route handlers, `inputs.GET` for pages.
 * A verb exported as a destructured handler (the auth library's) is read as the whole file.
 */
export function routeInputs(route: RouteEntry, repoRoot = path.resolve(import.meta.dirname, "../../../..")): Partial<Record<HttpVerb, RouteInputs>> {
  const idx = indexFor(repoRoot);
  const file = path.join(repoRoot, route.file);
  const sf = idx.source(file);
  const out: Partial<Record<HttpVerb, RouteInputs>> = {};
  if (!sf) return out;
  for (const verb of route.kind === "page" ? (["GET"] as HttpVerb[]) : route.verbs) {
    const found: Found = { query: new Set(), dataNames: new Set(), body: LEAF, queryShape: LEAF, holders: new Set() };
    const handler = route.kind === "api" ? idx.declaration(file, verb) : null;
    scanNode({ idx, app: route.app, page: route.kind === "page", visited: new Set() }, handler?.node ?? sf, file, found, 0);
    const body = flatten(found.body);
    const write = WRITE_VERBS.includes(verb);
    if (write) for (const name of found.dataNames) if (!body.some((p) => p[0] === name)) body.push([name]);
    // Schemas applied to the query (`parseQuery(leadListQueryShape, params)`, `Z….parse(Object.fromEntries(searchParams))`).
    const query = [...found.query, ...flatten(found.queryShape).map((p) => p[0]!)];
    out[verb] = { query: [...new Set(query)].sort(), body: write ? body : [] };
  }
  return out;
}

const indexes = new Map<string, SourceIndex>();
function indexFor(repoRoot: string): SourceIndex {
  let idx = indexes.get(repoRoot);
  if (!idx) indexes.set(repoRoot, (idx = new SourceIndex(repoRoot)));
  return idx;
}

/** A JSON body with `value` (raw JSON text, e.g. an escape sequence) at `field`, nested objects and arrays on the way. */
export function jsonBodyWith(field: FieldPath, rawValue: string, base: Record<string, unknown> = {}): string {
  const MARK = "__BAD_VALUE__";
  const build = (rest: FieldPath): unknown => (rest.length === 0 ? MARK : rest[0] === "[]" ? [build(rest.slice(1))] : { [rest[0]!]: build(rest.slice(1)) });
  const top = field[0] === "[]" ? build(field) : { ...base, ...(build(field) as Record<string, unknown>) };
  return JSON.stringify(top).replace(`"${MARK}"`, `"${rawValue}"`);
}
