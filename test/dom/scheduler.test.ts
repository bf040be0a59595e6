import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/dom/scheduler.ts';

describe('scheduler', () => {
  it('runs a task requested many times while waiting only once', async () => {
    const scheduler = createScheduler();
    let runs = 0;
    for (let i = 0; i < 100; i++) scheduler.request(async () => void runs++);
    await scheduler.settled();
    expect(runs).toBe(1);
  });

  it('backs off when a page keeps asking, instead of running pass after pass', async () => {
    const scheduler = createScheduler(undefined, { busyPassesPerSecond: 5, maxBackoffMs: 200 });
    let runs = 0;
    const started = performance.now();
    // A page that mutates without pause: a new request as soon as each pass ends.
    const task = async (): Promise<void> => {
      runs++;
      if (performance.now() - started < 1500) scheduler.request(task);
    };
    scheduler.request(task);
    await new Promise((r) => setTimeout(r, 1600));
    await scheduler.settled();
    // Unthrottled, this loop would run thousands of passes in 1.5 s.
    expect(runs).toBeLessThan(40);
    expect(runs).toBeGreaterThan(3);
  });

  it('stops for good once its signal aborts', async () => {
    const controller = new AbortController();
    const scheduler = createScheduler(controller.signal);
    let runs = 0;
    controller.abort();
    scheduler.request(async () => void runs++);
    await scheduler.settled();
    expect(runs).toBe(0);
  });

  it('keeps running after a task throws', async () => {
    const scheduler = createScheduler();
    const original = console.warn;
    console.warn = () => undefined;
    scheduler.request(async () => {
      throw new Error('boom');
    });
    await scheduler.settled();
    console.warn = original;
    let ran = false;
    scheduler.request(async () => void (ran = true));
    await scheduler.settled();
    expect(ran).toBe(true);
  });
});
