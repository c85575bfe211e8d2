// Draws the app and tray icons into build/ as PNG files: `node scripts/make-icons.mjs`.
// A tiny hand-written PNG encoder (zlib + CRC from Node) instead of an image library: the shapes
// are a few signed-distance functions, and the output is committed, so nobody needs this to build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', 'build');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a unit square (0..1), as "is this point inside" tests.
const roundedSquare = (r) => (x, y) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
};
const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

/** Layers are [shape, [r, g, b]] painted in order, with 4×4 supersampling for smooth edges. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const [shape, c] of layers) if (shape(x, y)) color = c;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (n * n))], i);
    }
  }
  return encodePng(size, out);
}

const indigo = [79, 70, 229];
const white = [255, 255, 255];
const gray = [95, 99, 104];
const amber = [245, 158, 11];
const red = [220, 38, 38];

const bubble = any(circle(0.5, 0.46, 0.3), triangle(0.26, 0.6, 0.4, 0.72, 0.2, 0.84));
const check = any(segment(0.36, 0.47, 0.46, 0.57, 0.07), segment(0.46, 0.57, 0.65, 0.36, 0.07));
const appIcon = (size) => render(size, [[roundedSquare(0.2), indigo], [bubble, white], [check, indigo]]);

const trayBubble = any(circle(0.46, 0.46, 0.36), triangle(0.18, 0.62, 0.36, 0.76, 0.1, 0.94));
const trayCheck = any(segment(0.3, 0.47, 0.42, 0.59, 0.1), segment(0.42, 0.59, 0.63, 0.34, 0.1));
const dot = (color) => [[circle(0.8, 0.22, 0.21), white], [circle(0.8, 0.22, 0.16), color]];
const trayIcons = {
  ok: [[trayBubble, gray], [trayCheck, white]],
  attention: [[trayBubble, gray], [trayCheck, white], ...dot(amber)],
  problem: [[trayBubble, gray], [trayCheck, white], ...dot(red)],
};

function write(rel, png) {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png);
}

write('icon.png', appIcon(1024));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, appIcon(size));
for (const [state, layers] of Object.entries(trayIcons)) {
  write(`tray/tray-${state}.png`, render(16, layers));
  write(`tray/tray-${state}@2x.png`, render(32, layers));
}
write('tray/overlay-attention.png', render(16, [[circle(0.5, 0.5, 0.46), white], [circle(0.5, 0.5, 0.38), red]]));
write('tray/overlay-attention@2x.png', render(32, [[circle(0.5, 0.5, 0.46), white], [circle(0.5, 0.5, 0.38), red]]));
