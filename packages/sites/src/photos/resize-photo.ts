import { loadSharp } from "../shared/load-sharp";

// Resizing with sharp (libvips; its prebuilt binaries come as npm packages, nothing is
// downloaded at install). When sharp cannot load on a platform, photos are served as the feed
// sent them (still cached), rather than not at all.

/** Widths the image route produces; any other width is refused (a bounded set keeps the cache small). */
export const PHOTO_WIDTHS = [160, 320, 480, 640, 960, 1280, 1920] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];
export const isPhotoWidth = (n: number): n is PhotoWidth => (PHOTO_WIDTHS as readonly number[]).includes(n);

export type PhotoFormat = "webp" | "jpeg";
export type ResizedPhoto = { body: Buffer; contentType: string; width: number | null; height: number | null; resized: boolean };

/** Scales the photo down to `width` (never up), as WebP or JPEG; the original when sharp is unavailable. */
export async function resizePhoto(options: { body: Buffer; contentType: string; width: PhotoWidth; format: PhotoFormat }): Promise<ResizedPhoto> {
  const sharp = await loadSharp();
  if (!sharp) return { body: options.body, contentType: options.contentType, width: null, height: null, resized: false };
  // limitInputPixels guards against decompression bombs (a tiny file that decodes to gigapixels).
  const pipeline = sharp(options.body, { limitInputPixels: 50_000_000, failOn: "error" }).rotate().resize({ width: options.width, withoutEnlargement: true });
  const encoded = options.format === "webp" ? pipeline.webp({ quality: 78 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { body: data, contentType: `image/${options.format}`, width: info.width, height: info.height, resized: true };
}
