// The browser tests drive Chromium through playwright-core, which brings no browser of its own.
// Found, not assumed: CHROMIUM_PATH, then Playwright's browser cache, then the usual install
// paths of Linux, macOS and Windows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type ChromiumSearch = { found: string } | { found: null; looked: string[]; problem: string };

function playwrightCache(): string {
  if (process.env.PLAYWRIGHT_BROWSERS_PATH) return process.env.PLAYWRIGHT_BROWSERS_PATH;
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Caches", "ms-playwright");
  if (process.platform === "win32") return path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), "AppData", "Local"), "ms-playwright");
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "ms-playwright");
}

/** Executables inside Playwright's cache, newest revision first. */
function fromPlaywrightCache(cache: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(cache);
  } catch {
    return [];
  }
  const inside = [
    ["chrome-linux64", "chrome"],
    ["chrome-linux", "chrome"],
    ["chrome-mac-arm64", "Chromium.app", "Contents", "MacOS", "Chromium"],
    ["chrome-mac", "Chromium.app", "Contents", "MacOS", "Chromium"],
    ["chrome-win64", "chrome.exe"],
    ["chrome-win", "chrome.exe"],
    ["chrome-headless-shell-linux64", "chrome-headless-shell"],
    ["chrome-headless-shell-mac-arm64", "chrome-headless-shell"],
    ["chrome-headless-shell-mac-x64", "chrome-headless-shell"],
    ["chrome-headless-shell-win64", "chrome-headless-shell.exe"],
  ];
  const revision = (name: string) => Number(name.split("-").pop()) || 0;
  return entries
    .filter((e) => /^chromium(_headless_shell)?-\d+$/.test(e))
    .sort((a, b) => revision(b) - revision(a) || (a.includes("headless") ? 1 : -1))
    .flatMap((e) => inside.map((parts) => path.join(cache, e, ...parts)));
}

function systemPaths(): string[] {
  if (process.platform === "darwin") {
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      path.join(os.homedir(), "Applications", "Chromium.app", "Contents", "MacOS", "Chromium"),
    ];
  }
  if (process.platform === "win32") {
    const roots = [process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"], process.env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [path.join(r, "Chromium", "Application", "chrome.exe"), path.join(r, "Google", "Chrome", "Application", "chrome.exe")]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/lib/chromium/chromium",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
  ];
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findChromium(): ChromiumSearch {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    return isExecutable(fromEnv) ? { found: fromEnv } : { found: null, looked: [fromEnv], problem: `CHROMIUM_PATH=${fromEnv} is not an executable file` };
  }
  const cache = playwrightCache();
  const candidates = [...fromPlaywrightCache(cache), ...systemPaths()];
  const found = candidates.find(isExecutable);
  if (found) return { found };
  return { found: null, looked: [`CHROMIUM_PATH (unset)`, `Playwright's cache ${cache}`, ...systemPaths()], problem: "no Chromium or Chrome found" };
}

/** How to get a browser, for the message the test command prints when none is found. */
export function howToGetChromium(): string {
  const lines = ["  npx playwright-core install chromium     (any OS: into Playwright's cache, where the tests look)"];
  if (process.platform === "linux") lines.push("  sudo apt-get install chromium            (Debian/Ubuntu; Fedora: sudo dnf install chromium)");
  if (process.platform === "darwin") lines.push("  brew install --cask chromium");
  if (process.platform === "win32") lines.push("  winget install Hibbiki.Chromium");
  lines.push("  or set CHROMIUM_PATH to a Chromium or Chrome executable");
  return lines.join("\n");
}
