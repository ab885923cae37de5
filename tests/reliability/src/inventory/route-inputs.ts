// Each route's own inputs, read from its source so a new field is probed without anyone editing
// a list: the query parameters it reads (`searchParams.get("x")`, a page's `searchParams` type and
// the names read off it) and the JSON / form body fields it parses (the zod schemas it calls
// `parse` / `safeParse` on or hands to a body reader, nested fields as paths, and the names it
// reads off a guarded form's `data`). Helpers of the app that a handler calls are read too
// (three calls deep); schemas are followed into the workspace packages.
import path from "node:path";
import ts from "typescript";
import type { AppName, HttpVerb, RouteEntry } from "./route-inventory";
import { indexFor, type SourceIndex, unwrap } from "./source-index";
import { flatten, LEAF, mergeShapes, type Shape, shapeOf } from "./zod-shapes";

/** A body field as a path from the top of the JSON body; "[]" stands for an array's element. */
export type FieldPath = string[];
export type RouteInputs = { query: string[]; body: FieldPath[] };

/** Header and cookie names read with `.get("…")` are not parameters. */
const NOT_PARAMETERS = new Set(["host", "origin", "referer", "cookie", "authorization", "accept", "user-agent", "content-type", "content-length"]);
const PARSE_METHODS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "decode", "safeDecode"]);
const READ_METHODS = new Set(["get", "getAll", "has"]);
const HELPER_DEPTH = 3;

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

/** A JSON body with `value` (raw JSON text, e.g. an escape sequence) at `field`, nested objects and arrays on the way. */
export function jsonBodyWith(field: FieldPath, rawValue: string, base: Record<string, unknown> = {}): string {
  const MARK = "__BAD_VALUE__";
  const build = (rest: FieldPath): unknown => (rest.length === 0 ? MARK : rest[0] === "[]" ? [build(rest.slice(1))] : { [rest[0]!]: build(rest.slice(1)) });
  const top = field[0] === "[]" ? build(field) : { ...base, ...(build(field) as Record<string, unknown>) };
  return JSON.stringify(top).replace(`"${MARK}"`, `"${rawValue}"`);
}
