import crypto from "node:crypto";
import { ensureLocalSecrets, localSecretsPath, SECRET_NAMES, type SecretName } from "./local-secrets";
import { isPublishedSecret } from "./published-secrets";

export { ensureLocalSecrets, localSecretsPath, SECRET_NAMES, type SecretName } from "./local-secrets";
export { isPublishedSecret } from "./published-secrets";

const MIN_LENGTH = 32;
const HOW_TO = "generate one with `openssl rand -base64 32`";

// Under NODE_ENV=test without a configured value: one random value per process, never a constant.
const perProcess = new Map<SecretName, string>();

/**
 * A secret of the running app. Order: the environment (at least 32 characters, never a value
 * published in this project's source); in production nothing else (a readable error, so the
 * app refuses to start); under test a random value for this process; otherwise (development)
 * the install's generated secrets in the data folder, created on first use.
 */
export function configuredSecret(name: SecretName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name]?.trim();
  if (value) {
    if (value.length < MIN_LENGTH) throw new Error(`${name} must be at least ${MIN_LENGTH} characters; ${HOW_TO}`);
    if (isPublishedSecret(value)) throw new Error(`${name} is a value published in this project's source, so anyone could forge with it; ${HOW_TO}`);
    return value;
  }
  if (env.NODE_ENV === "production") {
    throw new Error(
      `${name} is not set. A production install must configure it (${HOW_TO}); \`npm start\` generates one in ${localSecretsPath(env)} when run without NODE_ENV=production`,
    );
  }
  if (env.NODE_ENV === "test") {
    let secret = perProcess.get(name);
    if (!secret) perProcess.set(name, (secret = crypto.randomBytes(32).toString("base64url")));
    return secret;
  }
  return ensureLocalSecrets(env)[name];
}

/** Checks every named secret at startup; throws one message listing each problem. */
export function assertSecretsConfigured(names: readonly SecretName[] = SECRET_NAMES, env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const name of names) {
    try {
      configuredSecret(name, env);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new Error(`refusing to start: ${problems.join("; ")}`);
}
