// Test support (Node only): running a Next.js app's production build behind real-estate-serve.
export {
  appBuildIsCurrent,
  buildLockOf,
  copyAppBuild,
  ensureAppBuilt,
  REPO_ROOT,
  snapshotAppBuild,
  startNextApp,
  type AppBuildFlavour,
  type AppBuildOptions,
  type NextAppName,
  type NextAppServer,
  type StartNextAppOptions,
} from "./next-app-server";
