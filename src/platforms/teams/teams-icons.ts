import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];

/** The Relais glyph: a speech bubble (rounded body and a tail) holding three dots, in a unit square. */
function inBubble(x: number, y: number): boolean {
  const [left, right, top, bottom, radius] = [0.14, 0.86, 0.2, 0.68, 0.12];
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  const body = x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  // The tail: a triangle under the bubble's left side.
  const tail = y > bottom - 0.01 && y <= 0.84 && x >= 0.26 && x <= 0.26 + (0.84 - y) * 1.1 && x <= 0.44;
  return body || tail;
}

const dot = (x: number, y: number): boolean => [0.32, 0.5, 0.68].some((cx) => (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.055 ** 2);

function draw(size: number, pixel: (x: number, y: number) => { rgb: Rgb; alpha: number }): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4; // supersampling keeps the edges smooth at 32 px
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0; let g = 0; let b = 0; let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p = pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += p.rgb[0] * p.alpha; g += p.rgb[1] * p.alpha; b += p.rgb[2] * p.alpha; a += p.alpha;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png);
}

const hex = (color: string): Rgb => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as unknown as Rgb;

/** 192×192 full-colour icon: the white bubble on the accent colour. */
export function colorIcon(accent: string): Buffer {
  const background = hex(accent);
  return draw(192, (x, y) => ({ rgb: inBubble(x, y) && !dot(x, y) ? WHITE : background, alpha: 1 }));
}

/** 32×32 outline icon as Teams wants it: white on a transparent background, nothing else. */
export function outlineIcon(): Buffer {
  const stroke = 0.09;
  const edge = (x: number, y: number) => inBubble(x, y) && [[stroke, 0], [-stroke, 0], [0, stroke], [0, -stroke]].some(([dx, dy]) => !inBubble(x + dx!, y + dy!));
  return draw(32, (x, y) => ({ rgb: WHITE, alpha: edge(x, y) || dot(x, y) ? 1 : 0 }));
}
