import fs from "node:fs";
import path from "node:path";

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

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/**
 * The image's width and height as its header declares them, or null when the header cannot be
 * read (a file that only starts like an image). Read before a logo is stored: a few kilobytes of
 * PNG can declare 30,000 x 30,000 pixels, which every visitor's browser would have to decode.
 */
export function readLogoSize(bytes: Uint8Array, type: LogoType): { width: number; height: number } | null {
  const b = bytes;
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  switch (type.ext) {
    case "png":
      // Signature, then the IHDR chunk first: length, "IHDR", width, height.
      if (b.length < 24 || ascii(b, 1, 3) !== "PNG" || ascii(b, 12, 4) !== "IHDR") return null;
      return size(u32be(b, 16), u32be(b, 20));
    case "gif":
      if (b.length < 10) return null;
      return size(u16le(b, 6), u16le(b, 8));
    case "webp": {
      if (b.length < 30) return null;
      const chunk = ascii(b, 12, 4);
      if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return size(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
      if (chunk === "VP8L" && b[20] === 0x2f) {
        return size(1 + (b[21]! | ((b[22]! & 0x3f) << 8)), 1 + ((b[22]! >> 6) | (b[23]! << 2) | ((b[24]! & 0x0f) << 10)));
      }
      if (chunk === "VP8X") return size(1 + u24le(b, 24), 1 + u24le(b, 27));
      return null;
    }
    case "jpg": {
      // Markers after SOI: the first start-of-frame (SOF0-15, not DHT/JPG/DAC) holds the size.
      let i = 2;
      while (i + 9 < b.length) {
        if (b[i] !== 0xff) return null;
        const marker = b[i + 1]!;
        if (marker === 0xff) {
          i += 1;
          continue;
        }
        if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
          i += 2;
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return size(u16be(b, i + 7), u16be(b, i + 5));
        if (marker === 0xd9 || marker === 0xda) return null;
        i += 2 + u16be(b, i + 2);
      }
      return null;
    }
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
