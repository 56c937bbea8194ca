// Draws the Teams app icons into manifests/teams/: color.png (192x192, full colour) and outline.png
// (32x32, white on transparent), as Teams requires. Only node:zlib; deterministic, so the PNGs are committed
// and re-running this changes nothing unless the drawing does.
// Usage: bash scripts/with-node.sh node scripts/make-teams-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** A shape: is the point (in pixel units, origin top-left) inside? */
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgba = [0x4f, 0x52, 0xb2, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const SUBSAMPLES = 4;

const outDir = path.join(import.meta.dirname, '..', 'manifests', 'teams');

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const hx = (right - left) / 2 - radius;
  const hy = (bottom - top) / 2 - radius;
  return (x, y) => {
    const qx = Math.max(Math.abs(x - cx) - hx, 0);
    const qy = Math.max(Math.abs(y - cy) - hy, 0);
    return Math.hypot(qx, qy) <= radius;
  };
}

function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= radius;
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (x: number, y: number, px: number, py: number, qx: number, qy: number) =>
    (x - qx) * (py - qy) - (px - qx) * (y - qy);
  return (x, y) => {
    const d1 = side(x, y, ax, ay, bx, by);
    const d2 = side(x, y, bx, by, cx, cy);
    const d3 = side(x, y, cx, cy, ax, ay);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** Paints layers (later ones on top) with SUBSAMPLES² samples a pixel, so edges are anti-aliased. */
function paint(size: number, background: Rgba | undefined, layers: [Shape, Rgba][]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      // Premultiplied sums over the samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const x = px + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          let colour = background;
          for (const [shape, fill] of layers) if (shape(x, y)) colour = fill;
          if (!colour) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      if (a === 0) continue;
      pixels[offset] = Math.round(r / a);
      pixels[offset + 1] = Math.round(g / a);
      pixels[offset + 2] = Math.round(b / a);
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG; every row uses filter 0 (none). */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter method 0, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192x192: accent background, a white speech bubble with three dots inside the central 96x96. */
function colorIcon(): Buffer {
  const size = 192;
  const bubble = union(roundedRect(48, 56, 144, 124, 16), triangle(66, 118, 90, 118, 60, 142));
  const dots = union(circle(72, 90, 8), circle(96, 90, 8), circle(120, 90, 8));
  return encodePng(
    size,
    paint(size, ACCENT, [
      [bubble, WHITE],
      [dots, ACCENT],
    ]),
  );
}

/** 32x32: the same bubble as a white outline with white dots, on a transparent background. */
function outlineIcon(): Buffer {
  const size = 32;
  const inner = roundedRect(4, 5, 28, 22, 3);
  const ring = minus(roundedRect(2, 3, 30, 24, 5), inner);
  const tail = minus(triangle(7, 22, 15, 22, 5.5, 29.5), inner);
  const dots = union(circle(10, 13.5, 2), circle(16, 13.5, 2), circle(22, 13.5, 2));
  return encodePng(size, paint(size, undefined, [[union(ring, tail, dots), WHITE]]));
}

for (const [name, png] of [
  ['color.png', colorIcon()],
  ['outline.png', outlineIcon()],
] as const) {
  const file = path.join(outDir, name);
  writeFileSync(file, png);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
}
