import { describe, expect, it } from 'vitest';
import { renderOptions } from '../../src/dom/options-view.ts';
import { defaults, type Settings } from '../../src/lib/settings.ts';

const t = (key: string, subs: string[] = []): string => `${key}${subs.length ? `(${subs.join(',')})` : ''}`;

function setup(settings: Settings = defaults) {
  const saved: Settings[] = [];
  const view = renderOptions(document, settings, t, (next) => saved.push(next));
  document.body.replaceChildren(view);
  return { view, saved };
}

describe('the settings page', () => {
  it('adds a site typed as a URL, as its hostname', () => {
    const { view, saved } = setup();
    const input = view.querySelector<HTMLInputElement>('#site-input')!;
    input.value = 'https://News.Example.com/article?id=1';
    view.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(saved.at(-1)?.disabledSites).toEqual(['news.example.com']);
  });

  it('refuses a site that is not one, and says why', () => {
    const { view, saved } = setup();
    const input = view.querySelector<HTMLInputElement>('#site-input')!;
    input.value = 'not a site';
    view.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(saved).toEqual([]);
    expect(view.querySelector('#site-error')?.textContent).toBe('optionsInvalidSite');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('removes a site, and saves style, delay, language and the events choice', () => {
    const { view, saved } = setup({ ...defaults, disabledSites: ['a.com', 'b.org'] });
    view.querySelector<HTMLButtonElement>('button[aria-label="optionsRemoveSite(a.com)"]')!.click();
    expect(saved.at(-1)?.disabledSites).toEqual(['b.org']);
    const contrast = view.querySelector<HTMLInputElement>('input[value="contrast"]')!;
    contrast.checked = true;
    contrast.dispatchEvent(new Event('change'));
    expect(saved.at(-1)?.highlightStyle).toBe('contrast');
    const delay = view.querySelector<HTMLInputElement>('#hover-delay')!;
    delay.value = '99999';
    delay.dispatchEvent(new Event('change'));
    expect(saved.at(-1)?.hoverDelayMs).toBe(1500);
    const language = view.querySelector<HTMLSelectElement>('#language')!;
    language.value = 'nl';
    language.dispatchEvent(new Event('change'));
    expect(saved.at(-1)?.language).toBe('nl');
    const all = view.querySelector<HTMLInputElement>('#show-all')!;
    all.checked = true;
    all.dispatchEvent(new Event('change'));
    expect(saved.at(-1)?.showAllEvents).toBe(true);
  });

  it('labels every control', () => {
    const { view } = setup();
    for (const id of ['enabled', 'site-input', 'hover-delay', 'language', 'show-all']) {
      expect(view.querySelector(`label[for="${id}"]`), id).not.toBeNull();
    }
  });
});
