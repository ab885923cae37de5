import fs from "node:fs";
import path from "node:path";
import { loadSharp } from "../shared/load-sharp";

/** Largest logo accepted: 1 MiB. */
export const MAX_LOGO_BYTES = 1024 * 1024;

export type LogoType = { ext: "png" | "jpg" | "gif" | "webp"; contentType: string };

/**
 * Tells the image type from the file's first bytes (never from a client's Content-Type).
 * SVG is refused on purpose: it can carry script and would run on the tenant's origin.
 */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { ext: "png", contentType: "image/png" };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { ext: "jpg", contentType: "image/jpeg" };
  if (b.length >= 6 && String.fromCharCode(...b.subarray(0, 4)) === "GIF8") return { ext: "gif", contentType: "image/gif" };
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") {
    return { ext: "webp", contentType: "image/webp" };
  }
  return null;
}

/** Widest and tallest logo accepted, in pixels. */
export const MAX_LOGO_SIDE = 4096;

/**
 * The image's width and height as its header declares them (sharp reads the header, nothing is
 * decoded), or null when no image library can read it: a file that only starts like an image, or
 * nowhere to read it (sharp could not load). Read before a logo is stored: a few kilobytes of PNG
 * can declare 30,000 x 30,000 pixels, which every visitor's browser would have to decode.
 */
export async function readLogoSize(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  const sharp = await loadSharp();
  if (!sharp) return null;
  try {
    // No pixel limit here: the declared size is what is asked, and the caller bounds it.
    const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    return width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}

export function contentTypeForLogoPath(logoPath: string): string {
  const ext = path.extname(logoPath).slice(1);
  return { png: "image/png", jpg: "image/jpeg", gif: "image/gif", webp: "image/webp" }[ext] ?? "application/octet-stream";
}

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && fs.readFileSync(pkg, "utf8").includes('"workspaces"')) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/**
 * Where uploaded files live: UPLOADS_DIR, else `.data/uploads` at the repository root (found
 * from the working directory, since the apps run from their own folders).
 */
export function uploadsDir(): string {
  const configured = process.env.UPLOADS_DIR?.trim();
  if (configured) return path.resolve(configured);
  return path.join(findRepoRoot(process.cwd()), ".data", "uploads");
}

/** Absolute path of a stored logo, or null when the stored path would leave the uploads folder. */
export function resolveLogoFile(logoPath: string): string | null {
  const root = uploadsDir();
  const full = path.resolve(root, logoPath);
  return full.startsWith(root + path.sep) ? full : null;
}
