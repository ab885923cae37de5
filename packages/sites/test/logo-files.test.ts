// Logo headers: the size each image format declares, read before a logo is stored.
import { describe, expect, it } from "vitest";
import { readLogoSize, sniffLogoType } from "../src";
import { pngDeclaring } from "../src/testing";

// 300 x 120 images as an image library writes them (the extended WebP has an alpha channel).
const IMAGES: Record<string, string> = {
  jpeg: "/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAB4ASwDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAYH/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AkwCYbqAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/9k=",
  progressiveJpeg:
    "/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wgARCAB4ASwDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAWAQEBAQAAAAAAAAAAAAAAAAAABQb/2gAMAwEAAhADEAAAAZIS90AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB//EABQQAQAAAAAAAAAAAAAAAAAAAJD/2gAIAQEAAQUCDr//xAAUEQEAAAAAAAAAAAAAAAAAAABw/9oACAEDAQE/ARj/xAAUEQEAAAAAAAAAAAAAAAAAAABw/9oACAECAQE/ARj/xAAUEAEAAAAAAAAAAAAAAAAAAACQ/9oACAEBAAY/Ag6//8QAFBABAAAAAAAAAAAAAAAAAAAAkP/aAAgBAQABPyEOv//aAAwDAQACAAMAAAAQ/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/wD/AP8A/8QAFBEBAAAAAAAAAAAAAAAAAAAAcP/aAAgBAwEBPxAY/8QAFBEBAAAAAAAAAAAAAAAAAAAAcP/aAAgBAgEBPxAY/8QAFBABAAAAAAAAAAAAAAAAAAAAkP/aAAgBAQABPxAOv//Z",
  gif: "R0lGODlhLAF4AIAAAExpccwAACH5BAUAAAAALAAAAAAsAXgAAAL0jI+py+0Po5y02ouz3rz7D4biSJbmiabqyrbuC8fyTNf2jef6zvf+DwwKh8Si8YhMKpfMpvMJjUqn1Kr1is1qt9yu9wsOi8fksvmMTqvX7Lb7DY/L5/S6/Y7P6/f8vv8PGCg4SFhoeIiYqLjI2Oj4CBkpOUlZaXmJmam5ydnp+QkaKjpKWmp6ipqqusra6voKGys7S1tre4ubq7vL2+v7CxwsPExcbHyMnKy8zNzs/AwdLT1NXW19jZ2tvc3d7f0NHi4+Tl5ufo6err7O3u7+Dh8vP09fb3+Pn6+/z9/v/w8woMCBBAsaPIgwocKFDBs6fCiuAAA7",
  webpLossy:
    "UklGRrYAAABXRUJQVlA4IKoAAAAwDACdASosAXgAPtFosFMoJiSioEgBABoJaW7hdrD5fjiAAAT2vRVwgyCGqpNdz8YCJ7B+c0q4AikGQQ1VJrttFwgyCGqpNdxjvty16KuEGllOqpNdtouEGQQ1VJrttFwgyCGqpNdtos4AAP7/WHn/rzufEu//+Zo/n9+83sbkX7s+1uhGg/8+J2P4lYsXT+JWLF08NF7IAd5CsRVRC2QFFI4TRMQAAAAAAA==",
  webpLossless: "UklGRiQAAABXRUJQVlA4TBcAAAAvK8EdAAcQZY7+B4QECf/fm4zof9r/ngA=",
  webpExtended:
    "UklGRtgAAABXRUJQVlA4WAoAAAAQAAAAKwEAdwAAQUxQSBMAAAABB1DAiAgICRL+vzcZ0f+0/z0BAFZQOCCeAAAA0AsAnQEqLAF4AD7RaLBTKCYkoqBIAQAaCWlu4XapcAAAnteirhBkENVSftKOGwz8DX4+xhUHqh1VJrttFwgyCGqpNdtq1Ly16KuEGQQ1VJrttFwgyCGqpNdtouEGQb9BOKW0XCC9AAD+/z5Vf/Qmx7UV//+hJ/8TZ/xNnwb1U9JReM64vGdcXjOuLw8Y2ABSvmLbraVedABBKigAAAA=",
};

describe("logo sizes", () => {
  it("reads the width and height of PNG, JPEG (baseline and progressive), GIF and WebP (lossy, lossless, extended)", async () => {
    for (const [name, base64] of Object.entries(IMAGES)) {
      const bytes = Buffer.from(base64, "base64");
      expect([name, sniffLogoType(bytes)?.ext, await readLogoSize(bytes)]).toEqual([
        name,
        name.startsWith("webp") ? "webp" : name.includes("peg") ? "jpg" : name,
        { width: 300, height: 120 },
      ]);
    }
    expect(await readLogoSize(pngDeclaring(30_000, 30_000))).toEqual({ width: 30_000, height: 30_000 });
  });

  it("answers null for a file that only starts like an image", async () => {
    for (const bytes of [
      Buffer.from("\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>", "latin1"),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
      Buffer.from("GIF89a"),
      Buffer.from("RIFF\0\0\0\0WEBPVP8Z" + "\0".repeat(20), "latin1"),
      pngDeclaring(0, 10),
      pngDeclaring(30_000, 30_000).subarray(0, 40),
    ]) {
      expect(await readLogoSize(bytes)).toBeNull();
    }
  });
});
