import { normalizeHost } from "@real-estate/types";
import { parseEnvList } from "@real-estate/types/env-list";

function hostOf(url: string): string | null {
  try {
    return normalizeHost(new URL(url).host);
  } catch {
    return null;
  }
}

/**
 * The platform's own hosts, which no tenant may take: the studio's (STUDIO_PUBLIC_URL and the
 * STUDIO_ORIGINS it is reached on), the CRM's public fallback (BETTER_AUTH_URL), the mail domain
 * (MAIL_FROM_DOMAIN) and any further host the install reserves (RESERVED_HOSTS, comma-separated).
 * Normalised as tenant hosts are; unset variables add nothing.
 */
export function platformHosts(env: Record<string, string | undefined> = process.env): Set<string> {
  const urls = [env.STUDIO_PUBLIC_URL, env.BETTER_AUTH_URL, ...parseEnvList(env.STUDIO_ORIGINS)].filter((u): u is string => Boolean(u));
  const names = [...parseEnvList(env.MAIL_FROM_DOMAIN), ...parseEnvList(env.RESERVED_HOSTS)];
  const hosts = [...urls.map(hostOf), ...names.map((n) => normalizeHost(n))];
  return new Set(hosts.filter((h): h is string => h !== null));
}
