// Every string an attacker could try as a secret because it is printed somewhere public: quoted
// values on lines that mention a secret or token, in the working tree and in the whole git
// history (a default removed from the source is still published), plus better-auth's own
// fallback secret from its package.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../report/summary";

const MENTIONS = /secret|token/i;
const LITERAL = /["'`]([^"'`\s]{8,200})["'`]/g;
// Names and code rather than values: env var names, header names, paths, URLs, templates.
const NOT_A_VALUE = /^[A-Z][A-Z0-9_]+$|^x-[a-z-]+$|^[./@]|^https?:|\$\{|[(){};=<>]/;

function literalsOf(text: string, into: Set<string>): void {
  for (const line of text.split("\n")) {
    if (!MENTIONS.test(line)) continue;
    for (const m of line.matchAll(LITERAL)) if (!NOT_A_VALUE.test(m[1]!)) into.add(m[1]!);
  }
}

const git = (args: string[]) => execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });

export type SecretCandidates = { values: string[]; fromTree: number; fromHistory: number; fromPackages: number };

/** The candidate secrets, each once. */
export function publishedSecretCandidates(): SecretCandidates {
  const tree = new Set<string>();
  const files = git(["ls-files", "-z", "--", "*.ts", "*.tsx", "*.mjs", "*.js", "*.json", "*.md", "*.yml", "*.yaml", "*.env*", ":!package-lock.json"])
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    const full = path.join(REPO_ROOT, file);
    if (fs.existsSync(full) && fs.statSync(full).size < 2_000_000) literalsOf(fs.readFileSync(full, "utf8"), tree);
  }
  const history = new Set<string>();
  const log = git([
    "log",
    "--all",
    "-p",
    "--no-color",
    "--format=",
    "-G",
    "secret|token|SECRET|TOKEN",
    "--",
    "*.ts",
    "*.tsx",
    "*.mjs",
    "*.md",
    "*.json",
    ":!package-lock.json",
  ]);
  literalsOf(
    log
      .split("\n")
      .filter((l) => l.startsWith("+") || l.startsWith("-"))
      .join("\n"),
    history,
  );
  const packages = new Set<string>();
  const constants = path.join(REPO_ROOT, "node_modules", "better-auth", "dist", "utils", "constants.mjs");
  const fallback = fs.existsSync(constants) ? /DEFAULT_SECRET\s*=\s*"([^"]+)"/.exec(fs.readFileSync(constants, "utf8"))?.[1] : undefined;
  if (fallback) packages.add(fallback);
  const values = [...new Set([...tree, ...history, ...packages])];
  return { values, fromTree: tree.size, fromHistory: history.size, fromPackages: packages.size };
}
