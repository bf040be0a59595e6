import { describe, expect, it } from 'vitest';
import { mayHostShadow, SHADOW_HOST_NAMES } from '../../src/lib/shadow-hosts.ts';

const accepts = (name: string): boolean => {
  try {
    document.createElement(name).attachShadow({ mode: 'closed' });
    return true;
  } catch {
    return false;
  }
};

describe('the elements that may host a shadow root', () => {
  it('are those the DOM lets attach one, standard and custom', () => {
    for (const name of SHADOW_HOST_NAMES) expect(accepts(name), name).toBe(true);
    for (const name of ['a', 'img', 'li', 'td', 'button', 'input', 'table', 'ul', 'label', 'figure']) {
      expect(accepts(name), name).toBe(false);
      expect(mayHostShadow(name), name).toBe(false);
    }
    expect(accepts('x-card')).toBe(true);
    expect(mayHostShadow('x-card')).toBe(true);
    expect(mayHostShadow('div')).toBe(true);
  });
});
