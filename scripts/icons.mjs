// Draws the PNG icons of the web app manifest, static/icon-192.png and static/icon-512.png,
// from the same shapes as static/favicon.svg (a blue rounded square, a white curve and its
// orange tangent), so an installed Slope has the favicon's face at every size.
// Run it after changing favicon.svg: `node scripts/icons.mjs`. The PNGs are committed; the
// build only copies them.
//
// Why by hand: the icons count against the site's 350 KB budget. Coverage is worked out
// from exact distances (supersampled 4×4) and rounded to 4 levels per shape; the 10 most used
// colours are kept (the rest, a few edge pixels, take the nearest), 4 bits a pixel. The
// 192 px icon is drawn at 96 and the 512 px one at 128, each pixel repeated: a repeated row
// deflates to about two bytes. Together about 2 KB, where a true-colour screenshot of
// favicon.svg takes several.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xf2, 0xa9, 0x3b];
const LEVELS = 4;
const SCALE512 = 4;
const SCALE192 = 2;
const COLOURS = 10;


// favicon.svg, in its 32-unit box: `M5 25 C 12 24, 18 16, 27 7` (width 3) and `M8 26 L 26 12`
// (width 2.5), both with round caps, over a square with corner radius 7.
function polyline(points, steps) {
  const [p0, p1, p2, p3] = points;
  const out = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps, u = 1 - t;
    out.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return out;
}
const CURVE = polyline([[5, 25], [12, 24], [18, 16], [27, 7]], 64);
const TANGENT = [[8, 26], [26, 12]];

function distanceToPolyline(x, y, pts) {
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1], [bx, by] = pts[i];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

function insideRoundedSquare(x, y) {
  const r = 7, cx = Math.min(Math.max(x, r), 32 - r), cy = Math.min(Math.max(y, r), 32 - r);
  return x >= 0 && x <= 32 && y >= 0 && y <= 32 && Math.hypot(x - cx, y - cy) <= r;
}

/** Coverage of each shape at pixel (i, j) of an n×n image, rounded to LEVELS steps. */
function coverage(i, j, n) {
  const sub = 4, unit = 32 / n;
  let square = 0, curve = 0, tangent = 0;
  for (let a = 0; a < sub; a++) {
    for (let b = 0; b < sub; b++) {
      const x = (i + (a + 0.5) / sub) * unit, y = (j + (b + 0.5) / sub) * unit;
      if (insideRoundedSquare(x, y)) square++;
      if (distanceToPolyline(x, y, CURVE) <= 1.5) curve++;
      if (distanceToPolyline(x, y, TANGENT) <= 1.25) tangent++;
    }
  }
  const q = (c) => Math.round((c / (sub * sub)) * LEVELS);
  return [q(square), q(curve), q(tangent)];
}

function colour([square, curve, tangent]) {
  const mix = (under, over, a) => under.map((v, k) => v + (over[k] - v) * a);
  let rgb = mix(BLUE, WHITE, curve / LEVELS);
  rgb = mix(rgb, ORANGE, tangent / LEVELS);
  return [...rgb.map(Math.round), Math.round((255 * square) / LEVELS)];
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The `COLOURS` most used colours of `pixels`, and each pixel's index among them (a colour
 * used less is replaced by the nearest kept one: a handful of edge pixels). */
function palette(pixels) {
  const count = new Map();
  for (const p of pixels) count.set(p.join(','), (count.get(p.join(',')) ?? 0) + 1);
  const kept = [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, COLOURS).map(([k]) => k.split(',').map(Number));
  const nearest = (p) => {
    let best = 0, bestD = Infinity;
    kept.forEach((q, k) => {
      const d = q.reduce((s, v, c) => s + (v - p[c]) ** 2, 0);
      if (d < bestD) [best, bestD] = [k, d];
    });
    return best;
  };
  return { kept, index: pixels.map(nearest) };
}

/** `raw` deflated with whichever zlib strategy gives the fewest bytes. */
function smallest(raw) {
  const { Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE } = zlib.constants;
  return [Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE]
    .map((strategy) => zlib.deflateSync(raw, { level: 9, memLevel: 9, strategy }))
    .sort((a, b) => a.length - b.length)[0];
}

/** An n×n icon drawn at n / scale and enlarged `scale` times (pixels repeated). */
function png(n, scale) {
  const m = n / scale;
  const pixels = [];
  for (let j = 0; j < m; j++) for (let i = 0; i < m; i++) pixels.push(colour(coverage(i, j, m)));
  const { kept, index } = palette(pixels);
  // 4 bits a pixel, two to a byte; each drawn row repeated `scale` times.
  const rows = [];
  for (let j = 0; j < m; j++) {
    const row = Buffer.alloc(n / 2);
    for (let x = 0; x < n; x++) row[x >> 1] |= index[j * m + Math.floor(x / scale)] << (x & 1 ? 0 : 4);
    for (let k = 0; k < scale; k++) rows.push(row);
  }
  // Filter "none" for a drawn row, "up" (all zeros) for a repeat of the row above.
  const raw = Buffer.concat(rows.flatMap((row, j) =>
    j > 0 && rows[j - 1] === row ? [Buffer.from([2]), Buffer.alloc(row.length)] : [Buffer.from([0]), row]));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(n, 4);
  header[8] = 4; // bit depth
  header[9] = 3; // palette
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(kept.flatMap(([r, g, b]) => [r, g, b]))),
    chunk('tRNS', Buffer.from(kept.map(([, , , a]) => a))),
    chunk('IDAT', smallest(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'static');
for (const [n, scale] of [[192, SCALE192], [512, SCALE512]]) {
  const file = path.join(dir, `icon-${n}.png`);
  const bytes = png(n, scale);
  fs.writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes`);
}
