// The mutation fuzz in a real browser's page, with layout: window.__fuzz(from, to).
import { compileMatcher } from '../../src/lib/matcher.ts';
import { kasperskyPack } from '../../src/data/packs.ts';
import { runSeeds } from './fuzz-core.ts';

const matcher = compileMatcher(kasperskyPack.patterns);

/** The first and the last letter of the range each have a box on screen, and are not visibility:hidden. */
function visible(range: Range): boolean {
  const letter = (node: Node, offset: number): boolean => {
    const one = document.createRange();
    one.setStart(node, offset);
    one.setEnd(node, offset + 1);
    const el = node.parentElement;
    return one.getClientRects().length > 0 && el !== null && getComputedStyle(el).visibility === 'visible';
  };
  return letter(range.startContainer, range.startOffset) && letter(range.endContainer, range.endOffset - 1);
}

(window as unknown as { __fuzz: unknown }).__fuzz = (from: number, to: number) => runSeeds(from, to, { matcher, visible });
