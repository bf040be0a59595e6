import type { Matcher } from '../lib/matcher.ts';
import type { Pace } from './scheduler.ts';
import { MentionEngine, type Mention } from './engine.ts';
import { adoptHighlightStyle } from './highlights.ts';
import { blockOf } from './segments.ts';

/**
 * All mentions of one frame: an engine for the document and one for each
 * shadow root found in it (open, or closed where the browser lets an
 * extension see it). Shadow roots are found while reading and adopt our style.
 */

export interface PageMentionsOptions {
  matcher: Matcher;
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** After any engine's pass changed what is visible; that pass waits for it, and may yield at `pace`. */
  onChange?: (page: PageMentions, pace: Pace) => void | Promise<void>;
  signal?: AbortSignal;
  /** Hears the length of each stretch of work between yields, in ms (for the benchmark). */
  onWork?: (ms: number) => void;
}

export class PageMentions {
  readonly #engines = new Map<Document | ShadowRoot, MentionEngine>();
  readonly #options: PageMentionsOptions;
  readonly #doc: Document;

  constructor(doc: Document, options: PageMentionsOptions) {
    this.#doc = doc;
    this.#options = options;
  }

  start(): void {
    this.#add(this.#doc);
  }

  #add(root: Document | ShadowRoot): void {
    if (this.#engines.has(root) || this.#options.signal?.aborted) return;
    if (root !== this.#doc) adoptHighlightStyle(root as ShadowRoot);
    const engine = new MentionEngine(root, {
      matcher: this.#options.matcher,
      signal: this.#options.signal,
      shadowRootOf: this.#options.shadowRootOf,
      onShadowRoot: (shadow) => this.#add(shadow),
      onChange: (_, pace) => this.#changed(pace),
      onWork: this.#options.onWork,
    });
    this.#engines.set(root, engine);
    engine.start();
  }

  #changed(pace: Pace): void | Promise<void> {
    // Shadow roots whose host left the page take their mentions with them.
    for (const [root, engine] of this.#engines) {
      if (root !== this.#doc && !(root as ShadowRoot).host.isConnected) {
        engine.stop();
        this.#engines.delete(root);
      }
    }
    return this.#options.onChange?.(this, pace);
  }

  /** Every visible mention of the frame, in no particular order. */
  mentions(): Mention[] {
    const all: Mention[] = [];
    for (const engine of this.#engines.values()) all.push(...engine.mentions());
    return all;
  }

  /** Resolves once every engine has read every pending change, shadow roots found on the way included. */
  async settled(): Promise<void> {
    for (let size = -1; size !== this.#engines.size; ) {
      size = this.#engines.size;
      await Promise.all([...this.#engines.values()].map((e) => e.settled()));
    }
  }

  get count(): number {
    let n = 0;
    for (const engine of this.#engines.values()) n += engine.count;
    return n;
  }

  shadowRoots(): ShadowRoot[] {
    return [...this.#engines.keys()].filter((r): r is ShadowRoot => r !== this.#doc);
  }

  /** The visible mentions in the run of text that holds `node`, for hit-testing. */
  mentionsAround(node: Node): Mention[] {
    const root = node.getRootNode() as Document | ShadowRoot;
    const block = blockOf(node);
    return block ? (this.#engines.get(root)?.mentionsInBlock(block) ?? []) : [];
  }

  /** The mention a marked range belongs to, for hit-testing. */
  mentionFor(range: AbstractRange): Mention | undefined {
    for (const engine of this.#engines.values()) {
      const mention = engine.mentionFor(range as Range);
      if (mention) return mention;
    }
    return undefined;
  }
}
