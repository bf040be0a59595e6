/**
 * Runs the engine's passes in idle time and in short slices, so a huge page
 * never blocks the main thread, and backs off when a page mutates without
 * pause instead of burning CPU on it.
 */

/** How long work runs before it yields: what a scheduler's task, and the code it calls, checks. */
export interface Pace {
  /** True when the current slice of work is used up. */
  due(): boolean;
  /** Yields to the page and starts a new slice. */
  slice(): Promise<void>;
}

export interface Scheduler extends Pace {
  /** Runs `task` soon, once, however often it is requested meanwhile. */
  request(task: () => Promise<void>): void;
  /** Resolves when no task is queued or running. */
  settled(): Promise<void>;
}

export interface SchedulerTiming {
  /** Longest stretch of work between yields, in ms. */
  sliceMs: number;
  /** Passes per second above which the next pass waits longer. */
  busyPassesPerSecond: number;
  /** Longest wait between passes when backing off, in ms. */
  maxBackoffMs: number;
}

const DEFAULT_TIMING: SchedulerTiming = { sliceMs: 8, busyPassesPerSecond: 10, maxBackoffMs: 2000 };

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

const nextIdle = (delayMs: number): Promise<void> =>
  new Promise((resolve) => {
    const run = (): void => {
      const idle = (globalThis as IdleWindow).requestIdleCallback;
      if (idle) idle(() => resolve(), { timeout: 200 });
      else setTimeout(resolve, 0);
    };
    if (delayMs > 0) setTimeout(run, delayMs);
    else run();
  });

const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof s?.yield === 'function' ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * `onWork` hears the length of every stretch of work between two yields: what
 * the engine costs the page's main thread, without the waits.
 */
export function createScheduler(
  signal?: AbortSignal,
  timing: Partial<SchedulerTiming> = {},
  onWork?: (ms: number) => void,
): Scheduler {
  const t = { ...DEFAULT_TIMING, ...timing };
  const worked = (): void => onWork?.(performance.now() - sliceStart);
  let task: (() => Promise<void>) | null = null;
  let running: Promise<void> | null = null;
  let sliceStart = 0;
  let backoffMs = 0;
  const recentPasses: number[] = [];

  const pace = (): void => {
    const now = performance.now();
    recentPasses.push(now);
    while (recentPasses.length > 0 && (recentPasses[0] as number) < now - 1000) recentPasses.shift();
    backoffMs =
      recentPasses.length > t.busyPassesPerSecond
        ? Math.min(t.maxBackoffMs, Math.max(50, backoffMs * 2))
        : Math.max(0, Math.floor(backoffMs / 2));
  };

  const loop = async (): Promise<void> => {
    while (task && !signal?.aborted) {
      await nextIdle(backoffMs);
      const current = task;
      task = null;
      if (!current || signal?.aborted) break;
      sliceStart = performance.now();
      try {
        await current();
      } catch (error) {
        // Never throw into the page; the next pass starts from what is there.
        console.warn('Backstory: a scan pass failed', error);
      }
      worked();
      pace();
    }
    running = null;
  };

  return {
    request(next) {
      if (signal?.aborted) return;
      task = next;
      running ??= loop();
    },
    due() {
      return performance.now() - sliceStart >= t.sliceMs;
    },
    async slice() {
      worked();
      await yieldToPage();
      sliceStart = performance.now();
    },
    async settled() {
      while (running) await running;
    },
  };
}
