// A streamed body: the first part at once, the second when the test calls globalThis.releaseDirectStream().
/* global Response, ReadableStream, TextEncoder */
import { compiledRoute } from "./route-module.mjs";

export const { routeModule } = compiledRoute({
  GET: async () => {
    const body = new ReadableStream({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode("first part\n"));
        await new Promise((resolve) => (globalThis.releaseDirectStream = resolve));
        controller.enqueue(new TextEncoder().encode("second part\n"));
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/plain" } });
  },
});
