/**
 * An element's shadow root, open or closed. Extensions may read closed roots:
 * Firefox through Element.openOrClosedShadowRoot, Chrome through
 * chrome.dom.openOrClosedShadowRoot. Closed roots are looked up on custom
 * elements only, where they live in practice, to keep the walk cheap.
 */
type ChromeDom = { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } };

const chromeDom = (globalThis as { chrome?: ChromeDom }).chrome?.dom;

export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  if (!el.localName.includes('-')) return null;
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    return chromeDom?.openOrClosedShadowRoot?.(el as HTMLElement) ?? null;
  } catch {
    return null;
  }
}
