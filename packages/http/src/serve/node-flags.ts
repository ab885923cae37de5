// The node flags an app's server (or the ingestion worker, decision 0074) starts with, declared
// once as `serverNodeFlags` in its package.json (decision 0070). `npm start` / `start:prod`
// (scripts/lib) and the bench read them here, so what is measured is what ships; the package's own
// start script passes the same ones (its test).
import fs from "node:fs";
import path from "node:path";

/** `serverNodeFlags` of the app in `appDir` (none when absent); throws when it is not a list of `--flags`. */
export function serverNodeFlags(appDir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, "package.json"), "utf8")) as { serverNodeFlags?: unknown };
  const flags = manifest.serverNodeFlags ?? [];
  if (!Array.isArray(flags) || !flags.every((f): f is string => typeof f === "string" && /^--[a-z][a-z0-9-]*(=\S+)?$/.test(f))) {
    throw new Error(`${path.join(appDir, "package.json")}: serverNodeFlags must be a list of --flags`);
  }
  return flags;
}

/** The words of the `scriptName` script in `dir`'s package.json; throws when there is none. */
function readScript(dir: string, scriptName: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts?: Record<string, unknown> };
  const script = manifest.scripts?.[scriptName];
  if (typeof script !== "string") throw new Error(`${path.join(dir, "package.json")}: no ${scriptName} script`);
  return script.trim().split(/\s+/);
}

/** A script that starts a node process through `launcher`, and what its target file must be. */
type LauncherScript = {
  dir: string;
  scriptName: string;
  launcher: string;
  isTarget: (arg: string) => boolean;
  /** What the script should run, for the error ("the app server"). */
  runs: string;
};

/**
 * The `--flags` a package.json script passes to the node process it starts: the arguments between
 * the launcher command and the first that is not a flag, which must be the file `isTarget` accepts.
 */
function launcherNodeFlags(script: LauncherScript, words = readScript(script.dir, script.scriptName)): string[] {
  const [command, ...rest] = words;
  const file = rest.findIndex((arg) => !arg.startsWith("--"));
  if (command !== script.launcher || file < 0 || !script.isTarget(rest[file]!))
    throw new Error(`${path.join(script.dir, "package.json")}: the ${script.scriptName} script does not run ${script.runs}`);
  return rest.slice(0, file);
}

/**
 * The node flags the app's own `npm start` script passes before the app server's script
 * (`node <flags> …/real-estate-serve.mjs …`); none when it runs the `real-estate-serve` bin. An
 * app's test compares them with `serverNodeFlags`, so the two ways of starting it cannot drift.
 */
export function startScriptNodeFlags(appDir: string): string[] {
  const words = readScript(appDir, "start");
  if (words[0] === "real-estate-serve") return [];
  const isTarget = (arg: string) => arg.endsWith("/real-estate-serve.mjs");
  return launcherNodeFlags({ dir: appDir, scriptName: "start", launcher: "node", isTarget, runs: "the app server" }, words);
}

/**
 * The node flags a package's `tsx <flags> <file>` script (`scriptName` in its package.json) passes
 * to the node process tsx starts, as the ingestion worker's `drain` script does. A test compares
 * them with `serverNodeFlags`, so the script and the other starts cannot drift.
 */
export function tsxScriptNodeFlags(dir: string, scriptName: string): string[] {
  return launcherNodeFlags({ dir, scriptName, launcher: "tsx", isTarget: (arg) => /\.[cm]?ts$/.test(arg), runs: "a file through tsx" });
}
