import { parseEnvList } from "../env-list";

/**
 * An operator's allow-list as the environment spells it (WEBHOOK_ALLOWED_HOSTS, FEED_ALLOWED_HOSTS):
 * comma-separated, each `host` or `host:port` (e.g. `127.0.0.1:3190`), IPv6 as `[::1]:3190`.
 * Lower-case entries, empty ones dropped.
 */
export function parseAllowedHosts(value: string | undefined): readonly string[] {
  // Hosts compare case-insensitively: the list is lower-cased, unlike parseEnvList's entries.
  return parseEnvList(value).map((h) => h.toLowerCase());
}
