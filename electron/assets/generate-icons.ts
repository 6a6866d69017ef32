// Draws MCP Tray's icons (the PNGs beside this file) with no image library and no download:
//   node electron/assets/generate-icons.ts
// A ring with a hub dot; attention adds an amber badge, error a red one. macOS gets a black
// "Template" variant for the normal state so the menu bar can tint it for light and dark mode.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** A shape: the colour at a point of the unit square, or undefined where it is transparent. */
type Paint = (x: number, y: number) => Rgba | undefined;

const BLUE: Rgba = [47, 111, 222, 255];
const AMBER: Rgba = [245, 166, 35, 255];
const RED: Rgba = [229, 72, 77, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SLATE: Rgba = [31, 41, 55, 255];

const BADGE = { x: 0.76, y: 0.24, r: 0.22, gap: 0.07 };

function hub(color: Rgba, center: Rgba = color): Paint {
  return (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.5);
    if (d >= 0.28 && d <= 0.44) return color;
    if (d <= 0.13) return center;
    return undefined;
  };
}

/** The hub with a coloured badge at the top right, cut out from the ring so it reads at 16 px. */
function withBadge(base: Paint, badge: Rgba): Paint {
  return (x, y) => {
    const d = Math.hypot(x - BADGE.x, y - BADGE.y);
    if (d <= BADGE.r) return badge;
    if (d <= BADGE.r + BADGE.gap) return undefined;
    return base(x, y);
  };
}

function appIcon(): Paint {
  const ring = hub(BLUE, WHITE);
  return (x, y) => {
    // A rounded square (corner radius 0.2) behind the hub, scaled into the middle 70 %.
    const inset = 0.06;
    const r = 0.2;
    const cx = Math.min(Math.max(x, inset + r), 1 - inset - r);
    const cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
    if (Math.hypot(x - cx, y - cy) > r) return undefined;
    const scale = 0.8;
    return ring((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5) ?? SLATE;
  };
}

/** Renders a shape with 4×4 supersampling (anti-aliased edges) into RGBA rows. */
function render(paint: Paint, size: number): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!color) continue;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
      }
      pixels[at + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(pixels: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TRAY: Record<string, Paint> = {
  'tray-normal': hub(BLUE),
  'tray-attention': withBadge(hub(BLUE), AMBER),
  'tray-error': withBadge(hub(BLUE), RED),
  trayTemplate: hub(BLACK),
};

if (import.meta.main) {
  const dir = fileURLToPath(new URL('./', import.meta.url));
  for (const [name, paint] of Object.entries(TRAY)) {
    writeFileSync(`${dir}${name}.png`, encodePng(render(paint, 16), 16));
    writeFileSync(`${dir}${name}@2x.png`, encodePng(render(paint, 32), 32));
  }
  writeFileSync(`${dir}icon.png`, encodePng(render(appIcon(), 1024), 1024));
  process.stdout.write(`icons written to ${dir}\n`);
}
