// The buildings of the sample photos, one function per kind of property.
import { darker, lighter } from "./color";
import { frontDoor, gableRoof, garageDoor, line, polygon, rect, roofSnow, windowPane, type WindowStyle } from "./draw-parts";
import type { Palette } from "./photo-palette";
import type { PhotoScene } from "./photo-scenes";

function windowStyle(p: Palette, scene: PhotoScene, index = 0): WindowStyle {
  // At dusk not every room is lit: alternate by position so it looks lived in.
  return { trim: p.trim, lit: scene.litWindows && (index + p.variant) % 3 !== 0, shutters: p.shutters ? darker(p.door, 0.25) : null };
}

function siding(x: number, y: number, w: number, h: number, color: string): string {
  const lines: string[] = [rect(x, y, w, h, color)];
  for (let yy = y + 12; yy < y + h; yy += 12) lines.push(line(x, yy, x + w, yy, darker(color, 0.12), 1));
  return lines.join("");
}

function chimney(x: number, top: number, bottom: number, scene: PhotoScene): string {
  return rect(x, top, 26, bottom - top, "#8a4b3a") + rect(x - 3, top - 6, 32, 8, "#6e3a2d") + (scene.snow ? rect(x - 3, top - 10, 32, 5, "#f7fafc") : "");
}

function garageWing(p: Palette, scene: PhotoScene, left: number): string {
  const w = 120;
  return [
    siding(left, -115, w, 115, darker(p.siding, 0.04)),
    gableRoof(left, left + w, -115, -165, p.roof, 10),
    scene.snow ? roofSnow(left, left + w, -115, -165, 10) : "",
    garageDoor(left + 15, 0, w - 30, 80, lighter(p.siding, 0.3), p.trim),
  ].join("");
}

/** A detached house: colonial, cape or ranch, sometimes with a garage. */
export function drawHouse(p: Palette, scene: PhotoScene): string {
  const out: string[] = [];
  if (p.variant === 0) {
    if (p.garage) out.push(garageWing(p, scene, 150));
    out.push(chimney(-120, -300, -220, scene), siding(-150, -220, 300, 220, p.siding), gableRoof(-150, 150, -220, -320, p.roof));
    if (scene.snow) out.push(roofSnow(-150, 150, -220, -320));
    [-110, -20, 70].forEach((x, i) => out.push(windowPane(x, -195, 40, 58, windowStyle(p, scene, i))));
    [-110, 70].forEach((x, i) => out.push(windowPane(x, -100, 40, 62, windowStyle(p, scene, i + 3))));
    out.push(rect(-45, -8, 90, 8, "#9c9c96"), frontDoor(0, -8, 44, 84, p.door, p.trim));
  } else if (p.variant === 1) {
    out.push(chimney(95, -250, -140, scene), siding(-170, -125, 340, 125, p.siding), gableRoof(-170, 170, -125, -265, p.roof, 18));
    if (scene.snow) out.push(roofSnow(-170, 170, -125, -265, 18));
    for (const [i, x] of [-85, 45].entries()) {
      out.push(rect(x, -200, 44, 50, p.siding), gableRoof(x, x + 44, -200, -228, p.roof, 6), windowPane(x + 9, -190, 26, 34, windowStyle(p, scene, i)));
    }
    [-140, -85, 50, 105].forEach((x, i) => out.push(windowPane(x, -95, 36, 56, windowStyle(p, scene, i + 2))));
    out.push(rect(-40, -8, 80, 8, "#9c9c96"), frontDoor(0, -8, 42, 80, p.door, p.trim));
  } else {
    if (p.garage) out.push(garageWing(p, scene, 200));
    out.push(siding(-210, -115, 410, 115, p.siding), gableRoof(-210, 200, -115, -175, p.roof, 18));
    if (scene.snow) out.push(roofSnow(-210, 200, -115, -175, 18));
    out.push(rect(-212, -118, 414, 6, p.trim));
    [-180, -120, 40, 110].forEach((x, i) => out.push(windowPane(x, -90, 48, 50, windowStyle(p, scene, i))));
    out.push(frontDoor(-30, 0, 42, 82, p.door, p.trim));
  }
  return out.join("");
}

/** A two- or three-family house with a full-width front porch and two doors. */
export function drawMultiFamily(p: Palette, scene: PhotoScene): string {
  const out: string[] = [siding(-170, -250, 340, 250, p.siding), gableRoof(-170, 170, -250, -340, p.roof)];
  if (scene.snow) out.push(roofSnow(-170, 170, -250, -340));
  [-130, -45, 45, 130].forEach((x, i) => out.push(windowPane(x - 18, -225, 36, 52, windowStyle(p, scene, i))));
  [-130, 130].forEach((x, i) => out.push(windowPane(x - 18, -130, 36, 60, windowStyle(p, scene, i + 4))));
  out.push(frontDoor(-50, -14, 40, 82, p.door, p.trim), frontDoor(50, -14, 40, 82, p.door, p.trim));
  out.push(
    polygon(
      [
        [-185, -112],
        [185, -112],
        [175, -126],
        [-175, -126],
      ],
      p.roof,
    ),
  );
  for (const x of [-170, -85, 0, 85, 170]) out.push(rect(x - 4, -112, 8, 98, p.trim));
  out.push(rect(-180, -16, 360, 16, lighter(p.trim, 0.1)), line(-170, -45, 170, -45, p.trim, 3));
  return out.join("");
}

/** A row of three attached townhouses in related colours. */
export function drawTownhouses(p: Palette, scene: PhotoScene): string {
  const out: string[] = [];
  [-195, -65, 65].forEach((left, u) => {
    const color = p.sidings[u]!;
    const top = u === 1 ? -270 : -250;
    out.push(rect(left, top, 130, -top, color), rect(left, top - 10, 130, 12, darker(color, 0.25)));
    if (scene.snow) out.push(rect(left, top - 14, 130, 5, "#f7fafc"));
    out.push(line(left, top, left, 0, darker(color, 0.3), 2));
    out.push(windowPane(left + 22, top + 30, 34, 50, windowStyle(p, scene, u)), windowPane(left + 74, top + 30, 34, 50, windowStyle(p, scene, u + 1)));
    out.push(windowPane(left + 74, -120, 34, 56, windowStyle(p, scene, u + 2)));
    out.push(rect(left + 14, -14, 58, 14, "#9c9c96"), frontDoor(left + 43, -14, 38, 80, u === 1 ? p.door : darker(color, 0.45), p.trim));
  });
  return out.join("");
}

/** A mid-rise condominium building with balconies and an entrance canopy. */
export function drawCondo(p: Palette, scene: PhotoScene): string {
  const out: string[] = [rect(-190, -340, 380, 340, p.condo), rect(-196, -352, 392, 14, darker(p.condo, 0.3))];
  if (scene.snow) out.push(rect(-196, -357, 392, 6, "#f7fafc"));
  for (let floor = 0; floor < 5; floor++) {
    const y = -320 + floor * 58;
    for (let col = 0; col < 6; col++) {
      const x = -170 + col * 58;
      out.push(windowPane(x + 6, y, 34, 38, { trim: darker(p.condo, 0.35), lit: scene.litWindows && (floor * 7 + col * 3 + p.variant) % 4 !== 0 }));
      if (floor < 4 && col % 2 === 1) out.push(rect(x - 2, y + 40, 50, 5, "#5b6470"), line(x - 2, y + 33, x + 48, y + 33, "#5b6470", 2));
    }
  }
  out.push(
    rect(-60, -48, 120, 48, darker(p.condo, 0.2)),
    polygon(
      [
        [-75, -52],
        [75, -52],
        [65, -64],
        [-65, -64],
      ],
      p.roof,
    ),
  );
  out.push(rect(-40, -44, 80, 44, scene.litWindows ? "#ffe3a0" : "#7f9db3"), line(0, -44, 0, 0, darker(p.condo, 0.4), 3));
  return out.join("");
}
