import { browser } from './browser.ts';
import { badgeText } from '../lib/badge.ts';
import { t } from './i18n.ts';

export async function showMentionCount(tabId: number, count: number, name: string): Promise<void> {
  const title =
    count <= 0 ? t('actionTitle') : count === 1 ? t('badgeTitleOne', [name]) : t('badgeTitle', [String(count), name]);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(count) }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
