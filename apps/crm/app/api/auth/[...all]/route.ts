import { getAuth } from "@real-estate/auth";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-in, sign-up, sign-out, get-session, ...).
const handler = (request: Request) => getAuth().handler(request);
export { handler as GET, handler as POST };
