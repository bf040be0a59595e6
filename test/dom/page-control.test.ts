import { describe, expect, it } from 'vitest';
import { inPageControl } from '../../src/dom/hover.ts';

/** The first text node under the element with `id`. */
const textIn = (id: string): Node => {
  const el = document.getElementById(id);
  if (!el?.firstChild) throw new Error(`no text in #${id}`);
  return el.firstChild;
};

describe('a tap on a name that the page takes for itself', () => {
  it('is the page\'s inside links, buttons, form controls and elements scripted as one', () => {
    document.body.innerHTML = `
      <p id="plain">Kaspersky said</p>
      <a href="/x"><span id="link">Kaspersky</span></a>
      <a id="anchor-only">Kaspersky</a>
      <button><b id="button">Kaspersky</b></button>
      <label><span id="label">Kaspersky</span><input></label>
      <div role="button"><span id="role">Kaspersky</span></div>
      <div onclick="void 0"><span id="onclick">Kaspersky</span></div>
      <div contenteditable><span id="editable">Kaspersky</span></div>
      <div contenteditable="false"><span id="not-editable">Kaspersky</span></div>
      <details><summary id="summary">Kaspersky</summary></details>`;
    for (const id of ['link', 'button', 'label', 'role', 'onclick', 'editable', 'summary']) expect(inPageControl(textIn(id)), id).toBe(true);
    for (const id of ['plain', 'anchor-only', 'not-editable']) expect(inPageControl(textIn(id)), id).toBe(false);
  });

  it('is the page\'s inside a shadow root whose host is in a link', () => {
    document.body.innerHTML = '<a href="/x"><x-card id="host"></x-card></a><x-card id="free"></x-card>';
    for (const id of ['host', 'free']) {
      const root = (document.getElementById(id) as HTMLElement).attachShadow({ mode: 'open' });
      root.innerHTML = '<p>Kaspersky</p>';
    }
    const inShadow = (id: string): Node => (document.getElementById(id) as HTMLElement).shadowRoot!.querySelector('p')!.firstChild!;
    expect(inPageControl(inShadow('host'))).toBe(true);
    expect(inPageControl(inShadow('free'))).toBe(false);
  });
});
