// Chromium for the browser suites, the reliability checks and the quality audit, driven by
// playwright-core (which brings no browser of its own): the executable `npm test` found and put in
// CHROMIUM_PATH (scripts/lib/find-chromium.ts), else the usual Linux path, and one set of flags.
import { chromium, type Browser } from "playwright-core";

/** The Chromium to launch: CHROMIUM_PATH when set, else /usr/bin/chromium. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The flags every suite launches with: headless, no sandbox (containers), no GPU, no QUIC, and
 * none of the browser's own background traffic (first-run pages, component updates, sync).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Software WebGL (SwiftShader) instead of --disable-gpu, for pages that need a WebGL context
 * (the map search's MapLibre).
 */
export const CHROMIUM_SOFTWARE_GL_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--no-first-run",
  "--disable-background-networking",
];

export type LaunchChromiumOptions = {
  /** The flags to start from; default CHROMIUM_ARGS. */
  args?: readonly string[];
  /** Flags added after them (say `--remote-debugging-port=9222`). */
  extraArgs?: readonly string[];
};

/** Launches Chromium with the suites' flags. */
export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { args = CHROMIUM_ARGS, extraArgs = [] } = options;
  return chromium.launch({ executablePath: chromiumPath(), args: [...args, ...extraArgs] });
}
