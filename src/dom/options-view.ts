import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY,
  LANGUAGES,
  siteHostname,
  type HighlightStyle,
  type LanguageSetting,
  type Settings,
} from '../lib/settings.ts';
import type { Translate } from './pack-text.ts';
import { el } from './elements.ts';

/** The settings page, built from the current settings; every change is handed to `save` at once. */

const STYLE_LABEL: Record<HighlightStyle, string> = {
  yellow: 'optionsStyleYellow',
  blue: 'optionsStyleBlue',
  contrast: 'optionsStyleContrast',
  underline: 'optionsStyleUnderline',
};

export function renderOptions(doc: Document, settings: Settings, t: Translate, save: (next: Settings) => void): HTMLElement {
  const change = (patch: Partial<Settings>): void => save({ ...settings, ...patch });

  const enabled = el(doc, 'input', { attrs: { type: 'checkbox', role: 'switch', id: 'enabled' } });
  enabled.checked = settings.enabled;
  enabled.addEventListener('change', () => change({ enabled: enabled.checked }));

  // Sites
  const siteList = el(doc, 'ul', { className: 'sites', attrs: { id: 'sites' } });
  if (settings.disabledSites.length === 0) siteList.append(el(doc, 'li', { className: 'empty', text: t('optionsSitesEmpty') }));
  for (const site of settings.disabledSites) {
    const remove = el(doc, 'button', { text: '×', attrs: { type: 'button', 'aria-label': t('optionsRemoveSite', [site]) } });
    remove.addEventListener('click', () => change({ disabledSites: settings.disabledSites.filter((s) => s !== site) }));
    siteList.append(el(doc, 'li', {}, [el(doc, 'span', { text: site }), remove]));
  }
  const siteInput = el(doc, 'input', { attrs: { type: 'text', id: 'site-input', autocomplete: 'off', spellcheck: 'false' } });
  const siteError = el(doc, 'p', { className: 'error', attrs: { id: 'site-error', role: 'alert' } });
  const addForm = el(doc, 'form', { className: 'add-site' }, [
    el(doc, 'label', { text: t('optionsSiteInput'), attrs: { for: 'site-input' } }),
    el(doc, 'div', { className: 'row' }, [siteInput, el(doc, 'button', { text: t('optionsAddSite'), attrs: { type: 'submit' } })]),
    siteError,
  ]);
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const host = siteHostname(siteInput.value);
    if (!host) {
      siteError.textContent = t('optionsInvalidSite');
      siteInput.setAttribute('aria-invalid', 'true');
      return;
    }
    if (!settings.disabledSites.includes(host)) change({ disabledSites: [...settings.disabledSites, host] });
    siteInput.value = '';
  });

  // Look and behaviour
  const styles = el(doc, 'fieldset', {}, [el(doc, 'legend', { text: t('optionsStyleHeading') })]);
  for (const style of HIGHLIGHT_STYLES) {
    const radio = el(doc, 'input', { attrs: { type: 'radio', name: 'style', value: style } });
    radio.checked = settings.highlightStyle === style;
    radio.addEventListener('change', () => change({ highlightStyle: style }));
    styles.append(el(doc, 'label', { className: `style style-${style}` }, [radio, el(doc, 'span', { className: 'sample', text: 'Kaspersky' }), t(STYLE_LABEL[style])]));
  }

  const delay = el(doc, 'input', {
    attrs: { type: 'number', id: 'hover-delay', min: String(HOVER_DELAY.min), max: String(HOVER_DELAY.max), step: String(HOVER_DELAY.step) },
  });
  delay.value = String(settings.hoverDelayMs);
  delay.addEventListener('change', () => {
    const n = Math.round(Number(delay.value) / HOVER_DELAY.step) * HOVER_DELAY.step;
    const clamped = Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, Number.isFinite(n) ? n : settings.hoverDelayMs));
    delay.value = String(clamped);
    change({ hoverDelayMs: clamped });
  });

  const language = el(doc, 'select', { attrs: { id: 'language' } });
  for (const lang of LANGUAGES) {
    const option = el(doc, 'option', {
      text: lang === 'auto' ? t('optionsLanguageAuto') : lang === 'en' ? 'English' : 'Nederlands',
      attrs: { value: lang },
    });
    option.selected = settings.language === lang;
    language.append(option);
  }
  language.addEventListener('change', () => change({ language: language.value as LanguageSetting }));

  const showAll = el(doc, 'input', { attrs: { type: 'checkbox', id: 'show-all' } });
  showAll.checked = settings.showAllEvents;
  showAll.addEventListener('change', () => change({ showAllEvents: showAll.checked }));

  return el(doc, 'main', { attrs: { id: 'options' } }, [
    el(doc, 'h1', { text: t('optionsTitle') }),
    el(doc, 'p', { className: 'switch' }, [enabled, el(doc, 'label', { text: t('optionsEnabled'), attrs: { for: 'enabled' } })]),
    el(doc, 'section', {}, [
      el(doc, 'h2', { text: t('optionsSitesHeading') }),
      el(doc, 'p', { className: 'hint', text: t('optionsSitesHint') }),
      siteList,
      addForm,
    ]),
    el(doc, 'section', {}, [styles]),
    el(doc, 'section', {}, [
      el(doc, 'p', { className: 'field' }, [el(doc, 'label', { text: t('optionsHoverDelay'), attrs: { for: 'hover-delay' } }), delay]),
      el(doc, 'p', { className: 'field' }, [el(doc, 'label', { text: t('optionsLanguage'), attrs: { for: 'language' } }), language]),
      el(doc, 'p', { className: 'switch' }, [showAll, el(doc, 'label', { text: t('optionsShowAll'), attrs: { for: 'show-all' } })]),
    ]),
    el(doc, 'p', { className: 'saved', attrs: { id: 'saved', role: 'status' } }),
  ]);
}
