// The CRM is for signed-in staff: nothing in it is for search engines. Answered without a
// session (proxy.ts lists it as public), so crawlers read a rule instead of a sign-in redirect.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response("User-agent: *\nDisallow: /\n", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=86400" } });
}
