/**
 * The app's icons, drawn in code so they can be regenerated and checked.
 *
 * The mark is a balance list: three list rows (a bullet and a line each) on the left and a
 * check mark, on a rounded square in the app's accent colour (color.png), or the same mark in
 * white on transparency (outline.png), as Teams asks for.
 */
import { PNG } from 'pngjs';

export const ACCENT_COLOR = '#1F5F8B';

type Rgba = [number, number, number, number];

const hex = (color: string): Rgba => [parseInt(color.slice(1, 3), 16), parseInt(color.slice(3, 5), 16), parseInt(color.slice(5, 7), 16), 255];

/** A shape in a 0..1 unit square: how much of the pixel at (x, y) it covers (0..1). */
type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (left: number, top: number, right: number, bottom: number, radius: number): Shape =>
  (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;

/** A thick line segment with round ends. */
const stroke =
  (x1: number, y1: number, x2: number, y2: number, width: number): Shape =>
  (x, y) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return (x - (x1 + t * dx)) ** 2 + (y - (y1 + t * dy)) ** 2 <= (width / 2) ** 2;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/** The mark inside the unit square, with `inset` of room around it. */
function mark(inset: number, weight: number): Shape {
  const span = 1 - 2 * inset;
  const at = (value: number) => inset + value * span;
  const w = weight * span;
  const rows = [0.2, 0.5, 0.8].map((row) => union(circle(at(0.08), at(row), w * 0.75), stroke(at(0.28), at(row), at(0.56), at(row), w)));
  const check = union(stroke(at(0.66), at(0.64), at(0.78), at(0.78), w), stroke(at(0.78), at(0.78), at(0.98), at(0.42), w));
  return union(...rows, check);
}

/** Renders `layers` (shape and colour, later ones on top) with 4×4 supersampling. */
function render(size: number, layers: Array<[Shape, Rgba]>): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color: Rgba = [0, 0, 0, 0];
          for (const [shape, fill] of layers) if (shape(x, y)) color = fill;
          // Premultiplied accumulation keeps edges clean against transparency.
          r += (color[0] * color[3]) / 255;
          g += (color[1] * color[3]) / 255;
          b += (color[2] * color[3]) / 255;
          a += color[3];
        }
      }
      const n = samples * samples;
      const alpha = a / n;
      const offset = (py * size + px) * 4;
      png.data[offset] = alpha === 0 ? 0 : Math.round((r / n) * (255 / alpha));
      png.data[offset + 1] = alpha === 0 ? 0 : Math.round((g / n) * (255 / alpha));
      png.data[offset + 2] = alpha === 0 ? 0 : Math.round((b / n) * (255 / alpha));
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return png;
}

/** color.png: 192×192, the white mark on a full-bleed rounded square in the accent colour. */
export function drawColorIcon(): Buffer {
  const white: Rgba = [255, 255, 255, 255];
  const png = render(192, [
    [roundedRect(0, 0, 1, 1, 0.18), hex(ACCENT_COLOR)],
    [mark(0.22, 0.075), white],
  ]);
  return PNG.sync.write(png);
}

/** outline.png: 32×32, the mark in white on a transparent background. */
export function drawOutlineIcon(): Buffer {
  const png = render(32, [[mark(0.06, 0.11), [255, 255, 255, 255]]]);
  return PNG.sync.write(png);
}

export interface IconProblem {
  file: string;
  message: string;
}

/**
 * Checks an icon as Teams requires: color 192×192; outline 32×32, only white (or fully
 * transparent) pixels, with a transparent background.
 */
export function checkIcon(kind: 'color' | 'outline', file: string, data: Buffer): IconProblem[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return [{ file, message: `is not a readable PNG (${(error as Error).message})` }];
  }
  const want = kind === 'color' ? 192 : 32;
  const problems: IconProblem[] = [];
  if (png.width !== want || png.height !== want) {
    problems.push({ file, message: `must be ${want}×${want} pixels, is ${png.width}×${png.height}` });
  }
  if (kind === 'outline') {
    let coloured = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0];
      if (a === 0) transparent += 1;
      else if (r !== 255 || g !== 255 || b !== 255) coloured += 1;
    }
    if (coloured > 0) problems.push({ file, message: `must be white on transparent; ${coloured} pixel(s) are not white` });
    if (transparent === 0) problems.push({ file, message: 'must have a transparent background; no pixel is transparent' });
  }
  return problems;
}
