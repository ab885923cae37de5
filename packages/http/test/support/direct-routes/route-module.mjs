// What a compiled route.js gives: Next.js's route module, whose userland exports are there once ensureUserland() resolved.
export function compiledRoute(userland) {
  return {
    routeModule: {
      userland: undefined,
      async ensureUserland() {
        this.userland = userland;
      },
    },
  };
}
