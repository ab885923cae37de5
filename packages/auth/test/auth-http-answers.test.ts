import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase, type TenantFixture } from "@real-estate/db/testing";
import { createMembership } from "@real-estate/crm";
import { getAuth, getSession, readAuthEnv } from "../src/index";
import { cookieFrom, HOST, requestHeaders, signUp } from "./support/auth-requests";

// Decision 0105: better-auth's answers to HTTP requests carry no session token.
const testDb = useTestDatabase("auth_http_answers");

describe("auth module", () => {
  let b: TenantFixture;
  let agent: { userId: string; cookie: string };
  let outsider: { userId: string; cookie: string };

  beforeAll(async () => {
    const db = testDb().db;
    const a = await createTenantFixture(db, { slug: "alpha", crmHosts: ["crm.alpha.test"] });
    b = await createTenantFixture(db, { slug: "beta" });
    agent = await signUp("agent@alpha.example");
    outsider = await signUp("owner@beta.example");
    await createMembership({ tenantId: a.tenantId, userId: agent.userId, role: "AGENT" });
    await createMembership({ tenantId: b.tenantId, userId: outsider.userId, role: "OWNER" });
  });

  it("answers get-session, list-sessions and sign-in over HTTP without the session token; server code still gets the session", async () => {
    // The cookie is httpOnly so that no script in a page reads the token: the JSON must not hand it over.
    const signInOver = (host: string, email: string) =>
      getAuth().handler(
        new Request(`http://${host}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { host, origin: `http://${host}`, "content-type": "application/json" },
          body: JSON.stringify({ email, password: "pass-word-1234" }),
        }),
      );
    const getOver = (host: string, path: string, cookie: string) => getAuth().handler(new Request(`http://${host}${path}`, { headers: { host, cookie } }));
    /** Every key anywhere in a JSON value. */
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : typeof value === "object" && value !== null
          ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
          : [];
    const bHost = `${b.crmHost}:3001`;
    for (const [host, email, userId] of [
      [HOST, "agent@alpha.example", agent.userId],
      [bHost, "owner@beta.example", outsider.userId],
    ] as const) {
      const signIn = await signInOver(host, email);
      expect(signIn.status).toBe(200);
      const cookie = cookieFrom(signIn.headers);
      const signedCookie = decodeURIComponent(/re\.session_token=([^;]+)/.exec(cookie)?.[1] ?? "");
      const token = signedCookie.split(".")[0]!;
      expect(token.length).toBeGreaterThan(16);
      const tokens = (await testDb().db.session.findMany({ where: { userId }, select: { token: true } })).map((t) => t.token);
      expect(tokens).toContain(token);
      const answers: Record<string, string> = {};
      for (const path of ["/api/auth/get-session", "/api/auth/list-sessions"]) {
        const res = await getOver(host, path, cookie);
        expect([path, res.status]).toEqual([path, 200]);
        answers[path] = await res.text();
      }
      answers["/api/auth/sign-in/email"] = await signIn.text();
      const session = JSON.parse(answers["/api/auth/get-session"]!) as {
        session: { id: string; userId: string; expiresAt: string };
        user: { id: string; email: string };
      };
      expect(session.user).toMatchObject({ id: userId, email });
      expect(session.session).toMatchObject({ userId, id: expect.any(String), expiresAt: expect.any(String) });
      expect((JSON.parse(answers["/api/auth/list-sessions"]!) as unknown[]).length).toBe(tokens.length);
      for (const [name, text] of Object.entries(answers)) {
        expect([name, keysOf(JSON.parse(text)).filter((k) => k.toLowerCase().includes("token"))]).toEqual([name, []]);
        for (const secret of [...tokens, signedCookie, readAuthEnv().secret]) expect([name, text.includes(secret)]).toEqual([name, false]);
      }
      // Server code (auth.api, no HTTP request) still resolves the session.
      expect((await getSession(requestHeaders(cookie)))?.user.id).toBe(userId);
    }
  });
});
