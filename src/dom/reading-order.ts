import type { Mention } from './engine.ts';

/**
 * Mentions in reading order, across shadow trees: for lists and for moving
 * from one mention to the next, not for the hot path. Only the reader needs
 * it, so it is not part of the code every frame loads.
 */
export function inReadingOrder(mentions: Mention[]): Mention[] {
  return mentions.sort(documentOrder);
}

/** Document order across shadow trees: compare the hosts' positions in the light tree. */
function documentOrder(a: Mention, b: Mention): number {
  const x = lightNode(a.range.startContainer);
  const y = lightNode(b.range.startContainer);
  if (x === y) {
    try {
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    } catch {
      return 0; // two shadow trees under one host: no order between them
    }
  }
  const position = x.compareDocumentPosition(y);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

function lightNode(node: Node): Node {
  let current = node;
  for (let root = current.getRootNode(); root instanceof ShadowRoot; root = current.getRootNode()) {
    current = root.host;
  }
  return current;
}
