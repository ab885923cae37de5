// The nginx configuration of the production profile: the website behind a shared page cache,
// the CRM load-balanced without one. Rendered from the ports at start, so a test or the bench
// can run its own nginx beside everyone else's (its own prefix, ports and cache folder).
import { DEFAULT_MAX_REQUEST_BYTES } from "@real-estate/http/body-cap";

/** The response header that names the tenant of a cached page (set by the website when EDGE_CACHE_TAGS=1; never sent to clients). */
export const CACHE_TAG_HEADER = "x-cache-tenant";

/** Cookies that make a website response personal: such requests skip the cache (read and write). */
export const PERSONAL_COOKIES = ["visitor_session", "visitor_signed_in"];

export type EdgeConfig = {
  /** nginx's own folder: pid, logs, temp files, the config itself. */
  prefix: string;
  /** Where cached pages live (purged by tenant, see purge.ts). */
  cacheDir: string;
  /** Public port of the website (all tenants' hosts). */
  webPort: number;
  /** Public port of the CRM; omitted: no CRM server block. */
  crmPort?: number;
  /** Where the website's instances listen (127.0.0.1 ports). */
  webUpstreams: number[];
  crmUpstreams?: number[];
  /** Address nginx listens on (default 127.0.0.1; an IPv6 address in brackets, [::1]). */
  listen?: string;
  /** A folder served as-is under /edge-static/ (the bench's static baseline). */
  staticDir?: string;
  /** Most the cache may hold on disk, in MB (default 512). */
  cacheMaxMb?: number;
  /** The account nginx's workers run as when it is started as root (they must be able to write the cache and temp folders). */
  user?: string;
  /** Worker processes (default auto: one per core). */
  workers?: number | "auto";
  /**
   * The largest request body nginx passes on, in bytes (client_max_body_size): the app server's
   * own cap. Default DEFAULT_MAX_REQUEST_BYTES of @real-estate/http (2 MiB); startNginx sets it
   * from APP_MAX_REQUEST_BYTES as the app server reads it (decision 0116).
   */
  maxBodyBytes?: number;
};

/** Requests one client address may have in progress at once (limit_conn); past it, 429. */
export const CONNECTIONS_PER_ADDRESS = 100;

function upstream(name: string, ports: number[]): string {
  // max_fails/fail_timeout: an instance that refuses connections is left out for 10 s, then tried again.
  const servers = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n");
  return `  upstream ${name} {\n${servers}\n    keepalive 32;\n  }`;
}

/**
 * Headers every proxied request carries: the original host (with its port, for origin checks), the
 * client's address and scheme as nginx saw them, the request id. The apps believe the forwarding
 * headers of this proxy (TRUST_PROXY names it), so each one is nginx's own, never the client's.
 */
const PROXY_HEADERS = `
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The edge is the first hop: the client's address is the socket's peer. A client's own
      # X-Forwarded-For or Forwarded is replaced, not extended (appended to, its entries reached an
      # app that trusts the client's address, and Forwarded passed as sent, whatever the client).
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header Forwarded "for=$edge_forwarded_for;proto=$scheme";
      proxy_set_header X-Forwarded-Proto $scheme;
      # Next.js takes the host and port of the request from these when present (its server-action
      # origin check, and the front's): never the client's, they come from Host.
      proxy_set_header X-Forwarded-Host "";
      proxy_set_header X-Forwarded-Port "";
      # Every request's id is nginx's own (a client's X-Request-Id is replaced): the apps keep it
      # (TRUST_PROXY names this proxy) for their logs; the client gets it back, also on a cached page.
      proxy_set_header X-Request-Id $request_id;
      proxy_hide_header X-Request-Id;
      add_header X-Request-Id $request_id always;
      # A killed instance refuses the connection: the request goes to the next one. A request
      # already sent (a POST mid-way) is never sent twice (nginx retries idempotent ones only).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;`;

/**
 * How long a client may take, and how much it may hold, before nginx lets it go (decision 0116).
 * nginx is the outermost hop of the profile: the address counted is the socket's peer, the one
 * the apps get in X-Forwarded-For (no real_ip; a client's own header changes nothing here).
 */
function slowClients(maxBodyBytes: number): string {
  return `  # A request head (request line and headers) must be in within 10 s of the connection's opening
  # (or of a later request's first byte), however it is trickled: nginx's timer is not restarted
  # by each byte. A browser sends a head in one packet; the default 60 s let a slow client hold
  # a connection and its buffers six times longer.
  client_header_timeout 10s;
  # A body may pause at most 10 s between two reads (nginx has no timer for a whole body): the
  # largest body taken is ${maxBodyBytes} bytes, a pause that long is a stalled or hostile client.
  client_body_timeout 10s;
  # An answer whose client reads nothing for 10 s is dropped (between two writes, not for the
  # whole answer: a slow phone still gets a large page as long as it keeps reading).
  send_timeout 10s;
  # A timed-out connection is reset, not closed gracefully: its buffers and socket are freed at
  # once instead of lingering in FIN_WAIT with unsent data.
  reset_timedout_connection on;
  # An idle keep-alive connection is closed after 15 s (default 75 s): a browser that comes back
  # after longer opens another; idle connections from one address cost slots and memory.
  keepalive_timeout 15s;
  # A connection is closed after 10,000 requests, freeing its memory: far more than a browser
  # sends on one; the bench's load loops (50 connections) reconnect now and then, not per request.
  keepalive_requests 10000;
  # A request line, and each header line, of at most 8 KB (the cache key stays well inside the
  # 16 KB the purger reads, decision 0106); two such buffers, about the 16 KB of headers the
  # apps' Node server takes (past it, 431 there; 400 here, before any app is asked).
  large_client_header_buffers 2 8k;
  # The apps' own body cap (the app server's APP_MAX_REQUEST_BYTES, default 2 MiB), in bytes: a
  # larger body is refused with 413 here, before it is read, buffered and sent on.
  client_max_body_size ${maxBodyBytes};
  # At most ${CONNECTIONS_PER_ADDRESS} requests in progress per client address: a browser opens about six
  # connections per host, so this leaves room for an office behind one NAT address and for the
  # bench (50 connections from loopback), while one address cannot hold every worker connection
  # (4096) with slow requests. Past it: 429 Too Many Requests. nginx counts a connection once
  # its request head is in; a slow head is bounded by client_header_timeout above.
  limit_conn_zone $binary_remote_addr zone=per_address:10m;
  limit_conn per_address ${CONNECTIONS_PER_ADDRESS};
  limit_conn_status 429;
  limit_conn_log_level warn;`;
}

export function renderNginxConfig(config: EdgeConfig): string {
  const listen = config.listen ?? "127.0.0.1";
  const p = config.prefix;
  const personal = PERSONAL_COOKIES.map((c) => `"~*(^|;\\s*)${c}=[^;]" 1;`).join("\n    ");
  const crm =
    config.crmPort && config.crmUpstreams?.length
      ? `
  # The CRM: every page is personal (signed-in agents); balanced over its instances, never cached.
  server {
    listen ${listen}:${config.crmPort};
    server_name _;
    if ($edge_target_host_mismatch) {
      return 400;
    }
    location / {
      proxy_pass http://crm;${PROXY_HEADERS}
    }
  }`
      : "";
  const staticBlock = config.staticDir
    ? `
    location /edge-static/ {
      alias ${config.staticDir}/;
    }`
    : "";
  return `# Generated by services/edge (renderNginxConfig): do not edit; it is rewritten at every start.
${config.user ? `user ${config.user};\n` : ""}worker_processes ${config.workers ?? "auto"};
pid ${p}/nginx.pid;
error_log ${p}/error.log warn;
daemon off;

events {
  worker_connections 4096;
}

http {
  access_log off;
  sendfile on;
  # No tcp_nopush: with it, a cached page larger than one loopback segment (64 KB, e.g. a search
  # result page) waited ~40 ms for the last partial segment on every hit (measured: 45.7 ms per
  # sequential request and 998 req/s with it, 2.7 ms and 4,169 req/s without; bench/RESULTS.md).
${slowClients(config.maxBodyBytes ?? DEFAULT_MAX_REQUEST_BYTES)}
  server_tokens off;
  types {
    text/html html;
    text/css css;
    application/javascript js;
    image/svg+xml svg;
    image/png png;
    image/jpeg jpg jpeg;
  }
  default_type application/octet-stream;
  # Compression happens here: the website's pages leave the app uncompressed, because the app
  # server gives each response its own script nonce in the body (decision 0030).
  gzip on;
  gzip_min_length 1024;
  gzip_types text/css application/javascript application/json text/x-component image/svg+xml;
  gzip_vary on;
  client_body_temp_path ${p}/tmp/body;
  proxy_temp_path ${p}/tmp/proxy;
  fastcgi_temp_path ${p}/tmp/fastcgi;
  uwsgi_temp_path ${p}/tmp/uwsgi;
  scgi_temp_path ${p}/tmp/scgi;

  # Pages keyed by the Host header and URL (plus the headers the app's Vary names). Freshness
  # comes from the pages' own Cache-Control (s-maxage, stale-while-revalidate); a studio change
  # deletes the tenant's entries (purge.ts), so no visitor sees the old page after it.
  proxy_cache_path ${config.cacheDir} levels=1:2 keys_zone=pages:32m max_size=${config.cacheMaxMb ?? 512}m inactive=10m use_temp_path=off;

${upstream("web", config.webUpstreams)}
${config.crmUpstreams?.length ? upstream("crm", config.crmUpstreams) : ""}

  # A request whose target is in absolute form (GET http://b.example/ HTTP/1.1) makes nginx's
  # $host the target's host, while the apps get the Host header ($http_host) and resolve the
  # tenant from it: with a page cached under $host, one tenant's page could be stored under
  # another tenant's host. 0 when the Host header names $host (nginx lower-cases $host and drops
  # its port and a trailing dot), 1 otherwise, a missing Host header included.
  map "$host|$http_host" $edge_target_host_mismatch {
    "~*^([^|]+)\\|\\1\\.?(:[0-9]*)?$" 0;
    default 1;
  }

  # The client's address as an RFC 7239 node: an IPv6 address in quotes and brackets.
  map $remote_addr $edge_forwarded_for {
    "~:" "\\"[$remote_addr]\\"";
    default $remote_addr;
  }

  # Signed-in visitors (their session cookie) get their pages from the app, never from or into the cache.
  map $http_cookie $edge_personal {
    default 0;
    ${personal}
  }

  server {
    listen ${listen}:${config.webPort} reuseport;
    server_name _;
    # A target naming another host than the Host header (see the map above): refused, as the
    # app's own front refuses it when it is reached without the edge.
    if ($edge_target_host_mismatch) {
      return 400;
    }
    ${staticBlock}

    # The platform's internal endpoints (the studio's revalidation) are called on each instance's
    # own port (WEB_INTERNAL_URL), never through the public face: not found here, the app never asked.
    location /api/internal/ {
      return 404;
    }

    # Forms, visitor APIs, sign-in: never cached (only GET and HEAD are, and only below).
    location /api/ {
      proxy_pass http://web;${PROXY_HEADERS}
      proxy_hide_header ${CACHE_TAG_HEADER};
    }

    location / {
      proxy_pass http://web;${PROXY_HEADERS}
      proxy_cache pages;
      # The Host header the app resolves the tenant from, as sent (never $host, which an
      # absolute-form target sets to the host it names).
      proxy_cache_key "$scheme://$http_host$request_uri";
      proxy_cache_methods GET HEAD;
      proxy_cache_bypass $edge_personal;
      proxy_no_cache $edge_personal;
      # While one request refreshes an entry, the others get the stored copy (stale-while-revalidate).
      # The request that refreshes it waits for the app's answer (no background update): when
      # that answer is not one to store (a page withdrawn: 404 or redirect with no-store), a
      # background update left the old page in place, served as STALE for as long as it was asked
      # for (the pages' stale-while-revalidate is a year); this way the app's answer is given.
      # An app that fails (500, or no instance answering) still gets the stored page served.
      proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
      proxy_cache_background_update off;
      proxy_cache_lock on;
      proxy_cache_lock_timeout 5s;
      proxy_hide_header ${CACHE_TAG_HEADER};
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
${crm}
}
`;
}
