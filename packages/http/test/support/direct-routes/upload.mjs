// Reads the request body as it streams in: how many bytes, and whether its first part came before the client finished.
/* global Response */
import { compiledRoute } from "./route-module.mjs";

export const { routeModule } = compiledRoute({
  POST: async (request) => {
    const reader = request.body.getReader();
    let bytes = 0;
    let parts = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (parts === 0 && typeof globalThis.directUploadFirstPart === "function") globalThis.directUploadFirstPart();
      bytes += value.byteLength;
      parts += 1;
    }
    return Response.json({ bytes, duplex: request.duplex ?? null });
  },
});
