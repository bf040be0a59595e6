// Settings page: renders the stored settings, saves each change at once, follows changes made elsewhere.
import { renderOptions } from '../dom/options-view.ts';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings.ts';
import { translator } from '../platform/catalogs.ts';
import type { Settings } from '../lib/settings.ts';

const forever = new AbortController().signal;
let saved = false;

function show(settings: Settings): void {
  const strings = translator(settings.language);
  document.documentElement.lang = strings.language;
  const focused = document.activeElement?.id;
  const view = renderOptions(document, settings, strings.t, (next) => {
    saved = true;
    void saveSettings(next);
  });
  document.getElementById('options')?.replaceWith(view);
  if (focused) document.getElementById(focused)?.focus();
  if (saved) view.querySelector('#saved')!.textContent = strings.t('optionsSaved');
}

void loadSettings().then(show);
watchSettings(show, forever);
