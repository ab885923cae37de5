import { assertSecretsConfigured, ensureLocalSecrets, localSecretsPath, SECRET_NAMES, type SecretName } from "@real-estate/auth/secrets";

/**
 * The secrets `npm start` hands to every app. Configured values win. Run as a production
 * install (NODE_ENV=production) it generates nothing: every secret must be configured, or it
 * stops with a readable message. Otherwise a missing secret comes from the install's data
 * folder, generated on the first start (random, file mode 0600) and reused afterwards.
 */
export function startSecrets(env: NodeJS.ProcessEnv, log: (line: string) => void): Record<SecretName, string> {
  if (env.NODE_ENV === "production") {
    assertSecretsConfigured(SECRET_NAMES, env);
    return Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name]!.trim()])) as Record<SecretName, string>;
  }
  const missing = SECRET_NAMES.filter((name) => !env[name]?.trim());
  const generated = missing.length ? ensureLocalSecrets(env) : undefined;
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name]?.trim() || generated![name]])) as Record<SecretName, string>;
  // Configured values are checked too (length, never a published value), as the apps will.
  assertSecretsConfigured(SECRET_NAMES, { ...env, ...secrets, NODE_ENV: "production" });
  if (missing.length) log(`${missing.join(", ")} not set: using this install's generated secrets (${localSecretsPath(env)}, readable only by you)`);
  return secrets;
}
