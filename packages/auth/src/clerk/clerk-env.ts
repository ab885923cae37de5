import { z } from "zod";
import type { MembershipRoleData } from "@real-estate/types";
import { parseEnvList } from "@real-estate/types/env-list";

/** Clerk organization roles and the tenant role each gives, when CLERK_ROLE_MAP is unset. */
export const DEFAULT_CLERK_ROLE_MAP: Record<string, MembershipRoleData> = { "org:admin": "OWNER", "org:member": "AGENT" };

export type ClerkEnv = {
  /** CLERK_JWT_KEY: the instance's PEM public key; session tokens are verified with it alone, never over the network. */
  jwtKey: string;
  /** CLERK_AUTHORIZED_PARTIES: the origins (`azp`) a session token may come from. */
  authorizedParties: string[];
  /** CLERK_ROLE_MAP (`org:admin=OWNER,org:member=AGENT`): organization role → tenant role; other roles give no access. */
  roleMap: Record<string, MembershipRoleData>;
  /** CLERK_WEBHOOK_SIGNING_SECRET (`whsec_…`): Svix signing secret of the webhook endpoint; unset: webhooks refused. */
  webhookSigningSecret: string | null;
  /** CLERK_CLOCK_SKEW_SECONDS (default 5): leeway on `exp` and `nbf`. */
  clockSkewMs: number;
};

const ZRole = z.enum(["OWNER", "AGENT"]);

function parseRoleMap(value: string | undefined): Record<string, MembershipRoleData> {
  if (!value?.trim()) return DEFAULT_CLERK_ROLE_MAP;
  const map: Record<string, MembershipRoleData> = {};
  for (const pair of parseEnvList(value)) {
    const [clerkRole, role] = pair.split("=").map((s) => s.trim());
    const parsed = ZRole.safeParse(role?.toUpperCase());
    if (!clerkRole || !parsed.success) throw new Error(`auth configuration: CLERK_ROLE_MAP: "${pair}" is not <clerk role>=OWNER|AGENT`);
    map[clerkRole] = parsed.data;
  }
  return map;
}

/** PEM from an environment variable that may carry its line breaks as `\n`. */
function pem(value: string): string {
  return value.replace(/\\n/g, "\n").trim();
}

/**
 * Reads the Clerk settings (AUTH_PROVIDER=clerk). Throws one readable line when CLERK_JWT_KEY
 * or CLERK_AUTHORIZED_PARTIES is missing: without them a session token cannot be verified
 * offline, or could come from any site.
 */
export function readClerkEnv(env: NodeJS.ProcessEnv = process.env): ClerkEnv {
  const jwtKey = env.CLERK_JWT_KEY?.trim();
  if (!jwtKey) throw new Error("auth configuration: CLERK_JWT_KEY is required with AUTH_PROVIDER=clerk (Clerk dashboard → API keys → JWT public key, PEM)");
  if (!jwtKey.includes("BEGIN PUBLIC KEY")) throw new Error("auth configuration: CLERK_JWT_KEY must be the PEM public key (-----BEGIN PUBLIC KEY-----…)");
  const authorizedParties = parseEnvList(env.CLERK_AUTHORIZED_PARTIES);
  if (authorizedParties.length === 0) {
    throw new Error("auth configuration: CLERK_AUTHORIZED_PARTIES is required with AUTH_PROVIDER=clerk (the CRM and studio origins, comma-separated)");
  }
  for (const party of authorizedParties) {
    if (!URL.canParse(party) || new URL(party).origin !== party)
      throw new Error(`auth configuration: CLERK_AUTHORIZED_PARTIES: "${party}" is not an origin (scheme://host[:port])`);
  }
  const skew = Number(env.CLERK_CLOCK_SKEW_SECONDS ?? 5);
  if (!Number.isFinite(skew) || skew < 0 || skew > 300) throw new Error("auth configuration: CLERK_CLOCK_SKEW_SECONDS must be 0–300");
  return {
    jwtKey: pem(jwtKey),
    authorizedParties,
    roleMap: parseRoleMap(env.CLERK_ROLE_MAP),
    webhookSigningSecret: env.CLERK_WEBHOOK_SIGNING_SECRET?.trim() || null,
    clockSkewMs: skew * 1000,
  };
}
