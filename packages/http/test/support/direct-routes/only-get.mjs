// A route exporting GET only: Next.js serves HEAD with it, answers OPTIONS itself, refuses the rest.
/* global Response */
import { compiledRoute } from "./route-module.mjs";

export const { routeModule } = compiledRoute({
  GET: async () => new Response("hello from get", { headers: { "x-from": "get", "content-type": "text/plain" } }),
});
