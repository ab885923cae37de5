// Echoes what the handler was given: params, URL, headers.
/* global Response */
import { compiledRoute } from "./route-module.mjs";

async function echo(request, { params }) {
  return Response.json({
    handler: "direct-fixture",
    params: await params,
    url: request.url,
    method: request.method,
    headers: Object.fromEntries(request.headers),
  });
}

export const { routeModule } = compiledRoute({ GET: echo, POST: echo });
