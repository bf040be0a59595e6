import { mayHostShadow } from '../lib/shadow-hosts.ts';

/**
 * An element's shadow root, open or closed. Extensions may read closed roots:
 * Firefox through Element.openOrClosedShadowRoot, Chrome through
 * chrome.dom.openOrClosedShadowRoot. Asked only of elements that may host
 * one (custom elements and the standard hosts: a closed root on a div is
 * read too); the engine asks it only of the hosts it found.
 */
type ChromeDom = { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } };

const chromeDom = (globalThis as { chrome?: ChromeDom }).chrome?.dom;

export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  if (!mayHostShadow(el.localName)) return null;
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    return chromeDom?.openOrClosedShadowRoot?.(el as HTMLElement) ?? null;
  } catch {
    return null;
  }
}
