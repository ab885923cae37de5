// A handler that throws.
import { compiledRoute } from "./route-module.mjs";

export const { routeModule } = compiledRoute({
  GET: async () => {
    throw new Error("fixture handler failed");
  },
});
