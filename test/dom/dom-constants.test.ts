import { describe, expect, it } from 'vitest';
import { DOM_CONSTANTS } from '../../scripts/dom-constants.ts';

describe('the build', () => {
  it('writes each DOM constant it replaces as the number the DOM itself gives', () => {
    const globals = { Node, NodeFilter, XPathResult, Range } as unknown as Record<string, Record<string, number>>;
    for (const [name, value] of Object.entries(DOM_CONSTANTS)) {
      const [owner, key] = name.split('.') as [string, string];
      expect(globals[owner]?.[key], name).toBe(Number(value));
    }
  });
});
