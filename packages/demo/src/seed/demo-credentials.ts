// The demo sign-ins. They exist only in a database seeded with the demo data; the README,
// the tests and `npm start` all print these same values.

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  /** Tenant the account is a member of; null for the platform operator. */
  tenantSlug: "fairfield" | "shoreline" | null;
  role: "OWNER" | "AGENT" | null;
  /** "operator" for the studio's platform operator; null otherwise. */
  platformRole: "operator" | null;
};

export const DEMO_ACCOUNTS = [
  {
    email: "owner@fairfield.example",
    password: "demo-owner-1234",
    name: "Fairfield Owner (demo)",
    tenantSlug: "fairfield",
    role: "OWNER",
    platformRole: null,
  },
  {
    email: "agent@fairfield.example",
    password: "demo-agent-1234",
    name: "Fairfield Agent (demo)",
    tenantSlug: "fairfield",
    role: "AGENT",
    platformRole: null,
  },
  {
    email: "owner@shoreline.example",
    password: "demo-owner-1234",
    name: "Shoreline Owner (demo)",
    tenantSlug: "shoreline",
    role: "OWNER",
    platformRole: null,
  },
  {
    email: "agent@shoreline.example",
    password: "demo-agent-1234",
    name: "Shoreline Agent (demo)",
    tenantSlug: "shoreline",
    role: "AGENT",
    platformRole: null,
  },
  {
    email: "operator@platform.example",
    password: "demo-operator-1234",
    name: "Platform Operator (demo)",
    tenantSlug: null,
    role: null,
    platformRole: "operator",
  },
] as const satisfies readonly DemoAccount[];

/** The demo account with this email (throws on a typo, so callers fail loudly). */
export function demoAccount(email: (typeof DEMO_ACCOUNTS)[number]["email"]): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}
