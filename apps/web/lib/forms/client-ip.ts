import { clientIpFrom } from "@real-estate/auth/client-ip";
import { webEnv } from "../env";

/** The client's address for rate limiting (see clientIpFrom); WEB_TRUST_PROXY=1 behind a proxy. */
export function clientIp(headers: Headers): string {
  return clientIpFrom(headers, webEnv().WEB_TRUST_PROXY === "1");
}
