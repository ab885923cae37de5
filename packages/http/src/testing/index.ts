// Test support (Node only): running a Next.js app's production build behind real-estate-serve,
// and launching Chromium with the suites' flags.
export { CHROMIUM_ARGS, CHROMIUM_SOFTWARE_GL_ARGS, chromiumPath, launchChromium, type LaunchChromiumOptions } from "./chromium";
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
