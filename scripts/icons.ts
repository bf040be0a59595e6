import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const SOURCE = new URL('../icons/backstory.svg', import.meta.url);

/** Rasterizes the one SVG source into the PNG sizes the manifest names. */
export function renderIcons(outDir: string): string[] {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const file = join(outDir, `${size}.png`);
    writeFileSync(file, png);
    return file;
  });
}
