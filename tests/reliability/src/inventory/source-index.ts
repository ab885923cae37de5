// Parsed TypeScript sources of the repository and module resolution between them (an app's `@/`
// alias, relative imports, workspace packages by name and their `exports`), for reading routes.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Decl = { node: ts.Node; file: string };

/** Parsed sources and module resolution for one repository (app aliases `@/`, workspace packages by name). */
export class SourceIndex {
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

/** An expression without its parentheses, `as`, `satisfies`, `!` and `await`. */
export const unwrap = (e: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e)
    ? unwrap(e.expression)
    : e;

const indexes = new Map<string, SourceIndex>();
/** One index per repository root, kept for the process. */
export function indexFor(repoRoot: string): SourceIndex {
  let idx = indexes.get(repoRoot);
  if (!idx) indexes.set(repoRoot, (idx = new SourceIndex(repoRoot)));
  return idx;
}
