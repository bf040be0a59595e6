/** Builds an element with text and attributes, never from an HTML string. */
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A link that opens in a new tab and tells the target nothing of where the reader came from. */
export function externalLink(doc: Document, href: string, text: string): HTMLAnchorElement {
  return el(doc, 'a', { text, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
}
