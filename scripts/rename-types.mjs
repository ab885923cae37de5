#!/usr/bin/env node
// Drops the `T` prefix from the repository's exported type names (CONVENTIONS.md names types
// without one): every type alias or interface exported from a tracked .ts/.tsx file whose name is
// `T` followed by a capital letter is renamed, in every tracked .ts/.tsx/.mts/.mjs/.md file outside
// generated/ folders, as a whole word. A name that would clash keeps a suffix instead (`Data`, then
// `Shape`, `Value`, `Info`, then a number); it clashes when the name without the prefix is
//   - a global (TypeScript's ES and DOM libraries, @types/node, React's JSX): Window, Response, ...
//   - a Prisma model or enum (the generated client exports them),
//   - declared and exported by any module of the repository (a component, a function, a type),
//     so that no barrel's `export *` ends up with two members of one name,
//   - or already an identifier in a file that uses the old name (a value, a type, an import).
// Prints the mapping; `--dry-run` prints it and changes nothing; `--no-format` skips running
// Prettier over the changed files. A development tool: nothing the apps run imports it.
//
//   node scripts/rename-types.mjs [--dry-run] [--no-format]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const USAGE = "usage: node scripts/rename-types.mjs [--dry-run] [--no-format]";
const options = { dryRun: false, format: true };
for (const arg of process.argv.slice(2)) {
  if (arg === "--dry-run") options.dryRun = true;
  else if (arg === "--no-format") options.format = false;
  else if (arg === "--help" || arg === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else {
    console.error(`rename-types: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    process.exit(2);
  }
}

const PREFIXED = /^T[A-Z]/;
const SUFFIXES = ["Data", "Shape", "Value", "Info"];
const CODE_FILE = /\.(ts|tsx|mts|mjs)$/;
const DECLARING_FILE = /\.(ts|tsx)$/;
const REWRITTEN_FILE = /\.(ts|tsx|mts|mjs|md)$/;

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const self = path
  .relative(root, fileURLToPath(import.meta.url))
  .split(path.sep)
  .join("/");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  .split("\0")
  .filter((file) => file && file !== self && !file.split("/").includes("generated") && fs.existsSync(path.join(root, file)));
const rewritten = tracked.filter((file) => REWRITTEN_FILE.test(file));
const read = (file) => fs.readFileSync(path.join(root, file), "utf8");

function parse(file, text) {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".mjs") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

const isExported = (node) => Boolean(ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export);

/** Names a module declares at its top level, and which of them it exports. */
function topLevelNames(source) {
  const declared = new Map();
  const exported = new Set();
  const add = (name, node) => {
    declared.set(name, node);
    if (isExported(node)) exported.add(name);
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) {
          declared.set(d.name.text, statement);
          if (isExported(statement)) exported.add(d.name.text);
        }
      }
    } else if (
      (ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      add(statement.name.text, statement);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const specifier of statement.exportClause.elements) {
        exported.add(specifier.name.text);
        if (!statement.moduleSpecifier) exported.add(`local:${(specifier.propertyName ?? specifier.name).text}`);
      }
    }
  }
  return { declared, exported };
}

/** Every identifier of a file (values, types, JSX tags, properties, imports), strings and comments aside. */
function identifiersOf(source) {
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Names in global scope for the repository's code: the ES and DOM libraries, @types/node, React's JSX. */
function globalNames() {
  const probe = path.join(root, "__rename_types_probe__.ts");
  const typeRoots = [path.join(root, "node_modules", "@types")];
  const types = ["node", "react"].filter((t) => fs.existsSync(path.join(typeRoots[0], t)));
  const compilerOptions = {
    lib: ["lib.esnext.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types,
    typeRoots,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ESNext,
    jsx: ts.JsxEmit.Preserve,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(compilerOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === probe ? ts.createSourceFile(fileName, "export {};\n", languageVersion) : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => path.resolve(fileName) === probe || fileExists(fileName);
  const program = ts.createProgram({ rootNames: [probe], options: compilerOptions, host });
  const source = program.getSourceFile(probe);
  const flags = ts.SymbolFlags.Type | ts.SymbolFlags.Value | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias;
  return new Set(
    program
      .getTypeChecker()
      .getSymbolsInScope(source, flags)
      .map((symbol) => symbol.name),
  );
}

/** Models, enums, composite types and views of every tracked Prisma schema. */
function prismaNames() {
  const names = new Set();
  for (const file of tracked.filter((f) => f.endsWith(".prisma"))) {
    for (const match of read(file).matchAll(/^\s*(?:model|enum|type|view)\s+(\w+)\s*\{/gm)) names.add(match[1]);
  }
  return names;
}

// 1. The exported T-prefixed types, and what every code file declares, exports and mentions.
const modules = new Map();
for (const file of tracked.filter((f) => CODE_FILE.test(f))) {
  const text = read(file);
  const source = parse(file, text);
  modules.set(file, { text, source, ...topLevelNames(source), identifiers: identifiersOf(source) });
}

const declaredIn = new Map();
for (const [file, module] of modules) {
  if (!DECLARING_FILE.test(file)) continue;
  for (const [name, node] of module.declared) {
    if (!PREFIXED.test(name) || !(ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node))) continue;
    if (!isExported(node) && !module.exported.has(`local:${name}`)) continue;
    declaredIn.set(name, [...(declaredIn.get(name) ?? []), file]);
  }
}
if (declaredIn.size === 0) {
  console.log("rename-types: no exported type name carries a T prefix; nothing to do.");
  process.exit(0);
}

const oldNames = [...declaredIn.keys()].sort();
const wordOf = (name) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`);
const usersOf = new Map(oldNames.map((name) => [name, [...modules.keys()].filter((file) => modules.get(file).identifiers.has(name))]));

// 2. The new names, each checked against everything it could clash with.
const globals = globalNames();
const prisma = prismaNames();
const exportedBy = new Map();
for (const [file, module] of modules) {
  for (const name of module.exported) if (!name.startsWith("local:")) exportedBy.set(name, [...(exportedBy.get(name) ?? []), file]);
}

function clashOf(candidate, oldName, taken) {
  if (taken.has(candidate)) return `the new name of ${taken.get(candidate)}`;
  if (oldNames.includes(candidate)) return "another type being renamed";
  if (globals.has(candidate)) return "a global";
  if (prisma.has(candidate)) return "a Prisma model or enum";
  const exporter = exportedBy.get(candidate)?.[0];
  if (exporter) return `exported by ${exporter}`;
  const user = usersOf.get(oldName).find((file) => modules.get(file).identifiers.has(candidate));
  if (user) return `already used in ${user}`;
  return null;
}

const mapping = new Map();
const reasons = new Map();
const taken = new Map();
for (const oldName of oldNames) {
  const base = oldName.slice(1);
  const candidates = [base, ...SUFFIXES.map((s) => base + s), ...Array.from({ length: 20 }, (_, i) => `${base}${SUFFIXES[0]}${i + 2}`)];
  const firstClash = clashOf(base, oldName, taken);
  const chosen = candidates.find((candidate) => clashOf(candidate, oldName, taken) === null);
  if (!chosen) {
    console.error(`rename-types: found no free name for ${oldName}; nothing was changed.`);
    process.exit(1);
  }
  mapping.set(oldName, chosen);
  taken.set(chosen, oldName);
  if (firstClash) reasons.set(oldName, `${base} is ${firstClash}`);
}

// 3. Occurrences inside string literals change what the code does, not only what it is called: listed.
const inStrings = [];
for (const [file, module] of modules) {
  const visit = (node) => {
    if (ts.isStringLiteralLike(node)) {
      for (const name of oldNames) if (wordOf(name).test(node.text)) inStrings.push(`${file}: ${name} in ${JSON.stringify(node.text.slice(0, 60))}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(module.source);
}

// 4. Rewrite.
const anyOld = new RegExp(`(?<![\\w$])(${[...oldNames].sort((a, b) => b.length - a.length).join("|")})(?![\\w$])`, "g");
const changed = [];
let occurrences = 0;
for (const file of rewritten) {
  const text = modules.get(file)?.text ?? read(file);
  const next = text.replace(anyOld, (name) => {
    occurrences += 1;
    return mapping.get(name);
  });
  if (next === text) continue;
  changed.push(file);
  if (!options.dryRun) fs.writeFileSync(path.join(root, file), next);
}

const width = Math.max(...oldNames.map((n) => n.length));
for (const oldName of oldNames) {
  const reason = reasons.get(oldName);
  console.log(`${oldName.padEnd(width)} -> ${mapping.get(oldName)}${reason ? `   (${reason})` : ""}`);
}
for (const line of inStrings) console.log(`note: inside a string literal, renamed too: ${line}`);
console.log(
  `rename-types: ${oldNames.length} exported types, ${reasons.size} of them suffixed to avoid a clash; ` +
    `${occurrences} occurrences in ${changed.length} files${options.dryRun ? " (dry run: nothing written)" : ""}.`,
);

if (!options.dryRun && options.format && changed.length) {
  // Shorter names can let Prettier join lines: format what was rewritten so `format:check` still passes.
  const prettier = path.join(root, "node_modules", ".bin", "prettier");
  if (fs.existsSync(prettier)) {
    execFileSync(prettier, ["--write", "--log-level", "warn", ...changed], { cwd: root, stdio: "inherit" });
  } else {
    console.log("rename-types: Prettier is not installed; run `npm run format` before committing.");
  }
}
