/**
 * The mutation fuzz, shared by the jsdom tier and the real browsers: seeded
 * random pages with mentions, random sequences of DOM edits, and three ways
 * to find what is marked afterwards, which must agree.
 */
import type { Matcher } from '../../src/lib/matcher.ts';
import { MentionEngine } from '../../src/dom/engine.ts';
import { blockOf, isInSkippedSubtree, pointAt, runsOf } from '../../src/dom/segments.ts';

const WORDS = ['Kaspersky', 'Kas', 'per', 'sky', ' Lab', 'Eugene ', 'lorem ', 'ipsum ', '-producten', ' ', 'Kaspersky Lab ', 'Касперского '];
const BLOCKS = ['p', 'div', 'li', 'section'];
const INLINES = ['span', 'b', 'em', 'a'];

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

export function buildPage(r: () => number): HTMLElement {
  const root = document.createElement('main');
  for (let b = 0; b < 3 + Math.floor(r() * 4); b++) {
    const block = document.createElement(pick(r, BLOCKS));
    for (let i = 0; i < 2 + Math.floor(r() * 5); i++) {
      if (r() < 0.35) {
        const inline = document.createElement(pick(r, INLINES));
        inline.textContent = pick(r, WORDS);
        block.append(inline);
      } else {
        block.append(pick(r, WORDS));
      }
    }
    root.append(block);
  }
  return root;
}

/** One random edit: insert, remove, split, merge, move, change text, toggle hidden. */
export function edit(r: () => number, root: HTMLElement): void {
  const nodes = allNodes(root);
  const elements = [root, ...nodes.filter((n): n is Element => n.nodeType === Node.ELEMENT_NODE)];
  const texts = nodes.filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
  switch (Math.floor(r() * 8)) {
    case 0:
      pick(r, elements).append(pick(r, WORDS));
      break;
    case 1: {
      const el = document.createElement(pick(r, [...BLOCKS, ...INLINES]));
      el.textContent = pick(r, WORDS);
      const parent = pick(r, elements);
      parent.insertBefore(el, pick(r, [...parent.childNodes, null]));
      break;
    }
    case 2: {
      const victim = pick(r, nodes);
      victim?.parentNode?.removeChild(victim);
      break;
    }
    case 3: {
      const text = pick(r, texts);
      if (text && text.data.length > 1) text.splitText(1 + Math.floor(r() * (text.data.length - 1)));
      break;
    }
    case 4:
      pick(r, elements).normalize();
      break;
    case 5: {
      const node = pick(r, nodes);
      const target = pick(r, elements);
      if (node && !node.contains(target)) target.append(node);
      break;
    }
    case 6: {
      const text = pick(r, texts);
      if (text) text.data = pick(r, WORDS) + pick(r, WORDS);
      break;
    }
    default: {
      const el = pick(r, elements.slice(1));
      if (el) el.toggleAttribute('hidden');
    }
  }
}

/** Every mention as positions in a node list: comparable between two engines. */
function signature(engine: MentionEngine, nodes: Node[]): string[] {
  return engine
    .mentions()
    .map((m) => `${nodes.indexOf(m.range.startContainer)}:${m.range.startOffset}-${nodes.indexOf(m.range.endContainer)}:${m.range.endOffset}=${m.range.toString()}`)
    .sort();
}

/**
 * The same, found the slow way, without the engine's shortcuts: every run of
 * every block that holds text, searched in full, kept when `visible` says a
 * reader sees it.
 */
function bruteForce(nodes: Node[], matcher: Matcher, visible: (range: Range) => boolean, tally: Tally): string[] {
  const blocks = new Set<Element>();
  for (const n of nodes) {
    if (n.nodeType !== Node.TEXT_NODE || isInSkippedSubtree(n, document)) continue;
    const block = blockOf(n);
    if (block) blocks.add(block);
  }
  const out: string[] = [];
  for (const block of blocks) {
    for (const run of runsOf(block, document)) {
      for (const m of matcher.findAll(run.text)) {
        const start = pointAt(run, m.start, 'start');
        const end = pointAt(run, m.end, 'end');
        const range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        if (visible(range)) {
          out.push(`${block.localName}:${run.text.slice(m.start, m.end)}`);
          tally.visible++;
        } else tally.hidden++;
      }
    }
  }
  return out.sort();
}

const settle = async (engine: MentionEngine): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await engine.settled();
  }
};

/** What the seeds held, so a run that checked nothing shows. */
export interface Tally {
  seeds: number;
  /** Mentions a reader sees, checked after the edits. */
  visible: number;
  /** Names present in the text but hidden, which must not be counted. */
  hidden: number;
}

export interface FuzzOptions {
  matcher: Matcher;
  /** Whether a reader sees a range, decided apart from the engine's own check. */
  visible(range: Range): boolean;
}

/** One seed: null when all agree, else what differed (with the page, to replay it). */
export async function runSeed(seed: number, { matcher, visible }: FuzzOptions, tally: Tally): Promise<string | null> {
  const r = rng(seed);
  const root = buildPage(r);
  document.body.replaceChildren(root);
  const controller = new AbortController();
  const live = new MentionEngine(document, { matcher, signal: controller.signal });
  try {
    live.start();
    await settle(live);
    const steps = 3 + Math.floor(r() * 10);
    for (let i = 0; i < steps; i++) edit(r, root);
    await settle(live);

    const fresh = new MentionEngine(document, { matcher });
    fresh.start();
    await settle(fresh);
    fresh.stop();

    const nodes = allNodes(document.body);
    const got = signature(live, nodes);
    const want = signature(fresh, nodes);
    for (const m of live.mentions()) {
      if (!m.range.startContainer.isConnected || m.range.collapsed) return `seed ${seed}: stale range "${m.range.toString()}"`;
    }
    if (live.count !== want.length || JSON.stringify(got) !== JSON.stringify(want)) {
      return `seed ${seed}: live ${JSON.stringify(got)} vs fresh ${JSON.stringify(want)} in ${root.outerHTML}`;
    }
    const slow = bruteForce(nodes, matcher, visible, tally);
    const fast = fresh.mentions().map((m) => `${m.block.localName}:${m.range.toString()}`).sort();
    if (JSON.stringify(fast) !== JSON.stringify(slow)) {
      return `seed ${seed}: engine ${JSON.stringify(fast)} vs full search ${JSON.stringify(slow)} in ${root.outerHTML}`;
    }
    return null;
  } catch (error) {
    return `seed ${seed}: threw ${String(error)}`;
  } finally {
    controller.abort();
  }
}

/** Runs seeds from..to (inclusive); stops after three failures. */
export async function runSeeds(from: number, to: number, options: FuzzOptions): Promise<Tally & { failures: string[] }> {
  const failures: string[] = [];
  const tally: Tally = { seeds: 0, visible: 0, hidden: 0 };
  for (let seed = from; seed <= to && failures.length < 3; seed++) {
    const failure = await runSeed(seed, options, tally);
    tally.seeds++;
    if (failure) failures.push(failure);
  }
  return { ...tally, failures };
}
