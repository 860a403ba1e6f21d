import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

/** The font shipped in an npm package, so charts have text on a server without system fonts. */
export const CHART_FONT = 'RelaisSans';
export const fontFile = (name = 'DejaVuSans.ttf'): string =>
  join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);

let ready = false;
function prepare(): void {
  if (ready) return;
  GlobalFonts.registerFromPath(fontFile(), CHART_FONT);
  GlobalFonts.registerFromPath(fontFile('DejaVuSans-Bold.ttf'), CHART_FONT);
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.color = '#333333';
  ready = true;
}

export const CHART_SIZE = { width: 1000, height: 500 } as const;

/** Renders one Chart.js chart to PNG with @napi-rs/canvas (Skia): no browser, no system library. */
export async function renderChart(config: ChartConfiguration): Promise<Uint8Array> {
  prepare();
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const context = canvas.getContext('2d');
  const chart = new Chart(context as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(config.plugins ?? []), {
      id: 'white-background',
      beforeDraw: (c) => {
        c.ctx.save();
        c.ctx.fillStyle = '#ffffff';
        c.ctx.fillRect(0, 0, c.width, c.height);
        c.ctx.restore();
      },
    }],
  });
  try {
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}
