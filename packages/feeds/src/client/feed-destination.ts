// Where a feed may point (server-side request forgery protection, decision 0102): the checks of
// the webhooks (`@real-estate/types/outbound`), when a feed is saved and before every request.
import {
  checkDestinationUrl,
  ForbiddenDestinationError,
  isAllowedHost,
  parseAllowedHosts,
  resolveDestination,
  type LookupAll,
} from "@real-estate/types/outbound";

/**
 * Hosts an operator allows although they are on this machine or its networks: FEED_ALLOWED_HOSTS,
 * comma-separated, each `host` or `host:port` (e.g. `127.0.0.1:3190`, the local RESO server of
 * `npm start`). Default: none. Read on every call, so a test or a restart can change it.
 */
export function feedAllowedHosts(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return parseAllowedHosts(env.FEED_ALLOWED_HOSTS);
}

/** How the destination checks are made; tests inject the name lookup. */
export type FeedDestinationOptions = { allowedHosts?: readonly string[]; lookup?: LookupAll };

const HINT = "an operator may allow the host in FEED_ALLOWED_HOSTS";

/**
 * Why a feed URL (service root or token URL) is refused, or null: not a URL, not https (http only
 * for an allowed host), credentials in it, spaces or control characters, a private, loopback or
 * link-local address or a name of this machine, or a name that resolves to one. A name that
 * cannot be resolved now is not refused here: every request checks it again.
 */
export async function feedUrlProblem(raw: string, options: FeedDestinationOptions = {}): Promise<string | null> {
  const allowedHosts = options.allowedHosts ?? feedAllowedHosts();
  const reason = checkDestinationUrl(raw, allowedHosts);
  if (reason) return reason === "not a URL" ? reason : `not allowed: ${reason} (${HINT})`;
  const url = new URL(raw);
  if (url.protocol !== "https:" && !isAllowedHost(url, allowedHosts)) return "must be an https URL (http only for a host in FEED_ALLOWED_HOSTS)";
  try {
    await resolveDestination(url, { allowedHosts, lookup: options.lookup });
  } catch (error) {
    if (error instanceof ForbiddenDestinationError) {
      const prefix = `refused destination ${url.host}: `;
      return `not allowed: ${error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message} (${HINT})`;
    }
  }
  return null;
}
