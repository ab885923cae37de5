import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The secrets a running install needs; each is generated on first start when not configured. */
export const SECRET_NAMES = ["BETTER_AUTH_SECRET", "INTERNAL_API_TOKEN"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** The project's data folder: DATA_DIR, or `.data` at the root of the npm workspace (found from the working directory). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATA_DIR) return path.resolve(env.DATA_DIR);
  let dir = process.cwd();
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && /"workspaces"\s*:/.test(fs.readFileSync(manifest, "utf8"))) return path.join(dir, ".data");
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(process.cwd(), ".data");
    dir = parent;
  }
}

/** The file the generated secrets live in (`<data folder>/secrets.json`, mode 0600). */
export function localSecretsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), "secrets.json");
}

const newSecret = () => crypto.randomBytes(32).toString("base64url");

function readFile(file: string): Partial<Record<SecretName, string>> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Record<SecretName, string>>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`${file} is unreadable (${(error as Error).message}); delete it to generate new secrets`);
  }
}

/**
 * The generated secrets of this install: read from the data folder, or created there on first
 * use (random 256-bit values, file readable only by its owner). Several processes starting at
 * once agree: the file appears atomically (hard link of a finished temp file), and a process
 * that loses the race reads the winner's file.
 */
export function ensureLocalSecrets(env: NodeJS.ProcessEnv = process.env): Record<SecretName, string> {
  const file = localSecretsPath(env);
  const existing = readFile(file);
  if (existing && SECRET_NAMES.every((name) => typeof existing[name] === "string" && existing[name]!.length >= 32)) {
    fs.chmodSync(file, 0o600);
    return existing as Record<SecretName, string>;
  }
  // A file from an older version may lack a newer secret: keep what it has, add the rest.
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, existing?.[name] && existing[name]!.length >= 32 ? existing[name]! : newSecret()]),
  ) as Record<SecretName, string>;
  // 0711: others may pass through (the embedded PostgreSQL, run as its own user when we are root,
  // keeps its folder in here) but not list; the secrets file itself is 0600.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o711 });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    if (existing) fs.renameSync(temp, file);
    else fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return ensureLocalSecrets(env);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return secrets;
}
