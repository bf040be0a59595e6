// Settings page: only localized text until the settings exist (issue 5).
import { t, uiLanguage } from '../platform/i18n.ts';
import { localizePage } from '../dom/localize-page.ts';

localizePage(document, t, uiLanguage());
