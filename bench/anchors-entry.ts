// The anchor search alone, for `npm run bench:anchors`: window.__anchors
// times it on the text of the page it is put in, read as the engine reads
// it (text nodes run together into batches of 4 KB).
import { anchorPattern } from '../src/lib/matcher.ts';
import { kasperskyPack } from '../src/data/packs.ts';
import { BATCH } from '../src/dom/candidates.ts';

const anchors = anchorPattern(kasperskyPack.patterns);

(window as unknown as { __anchors: unknown }).__anchors = (): { kb: number; allTextUsPerKb: number; wholeUsPerKb: number } => {
  const batches: string[] = [];
  let text = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    text += (n as Text).data;
    if (text.length >= BATCH) {
      batches.push(text);
      text = '';
    }
  }
  if (text) batches.push(text);
  const kb = batches.reduce((sum, b) => sum + b.length, 0) / 1024;
  // The expression of Latin and Cyrillic anchors, searched in all text: the one pass the search made before other scripts came in.
  const allText = anchors.regexps[0] as RegExp;
  const passes = {
    allText: (b: string): void => {
      allText.lastIndex = 0;
      while (allText.exec(b));
    },
    whole: (b: string): void => void anchors.spans(b),
  };
  const times: Record<keyof typeof passes, number[]> = { allText: [], whole: [] };
  // By turns, 21 rounds of 3 passes over the page each: the median round.
  for (let round = 0; round < 21; round++) {
    for (const key of Object.keys(passes) as Array<keyof typeof passes>) {
      const t0 = performance.now();
      for (let r = 0; r < 3; r++) for (const b of batches) passes[key](b);
      times[key].push((performance.now() - t0) / 3);
    }
  }
  const usPerKb = (xs: number[]): number => +(([...xs].sort((a, b) => a - b)[xs.length >> 1] as number) * 1000 / kb).toFixed(2);
  return { kb: Math.round(kb), allTextUsPerKb: usPerKb(times.allText), wholeUsPerKb: usPerKb(times.whole) };
};
