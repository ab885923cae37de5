// Two cookies, one with a comma in its value.
/* global Response */
import { compiledRoute } from "./route-module.mjs";

export const { routeModule } = compiledRoute({
  GET: async () =>
    new Response("ok", {
      headers: [
        ["set-cookie", "a=1; Path=/; HttpOnly"],
        ["set-cookie", "b=2, c; Path=/"],
      ],
    }),
});
