// sharp (libvips; its prebuilt binaries come as npm packages, nothing is downloaded at install),
// loaded once on first use. Null where it cannot load on a platform: each caller says what it does then.

export type SharpModule = typeof import("sharp").default;

let sharpModule: Promise<SharpModule | null> | undefined;

export function loadSharp(): Promise<SharpModule | null> {
  sharpModule ??= import("sharp").then((m) => m.default).catch(() => null);
  return sharpModule;
}
