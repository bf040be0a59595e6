/**
 * The marks' look: the only CSS that reaches the page, and it styles only our
 * own highlights. The build writes it to content.css for documents; shadow
 * roots adopt it as a constructed sheet.
 */
export const MENTION_HIGHLIGHT = 'backstory-mention';
export const ACTIVE_HIGHLIGHT = 'backstory-mention-active';

export const HIGHLIGHT_CSS = `::highlight(${MENTION_HIGHLIGHT}) {
  background-color: rgb(250 204 21 / 0.4);
  text-decoration: underline 2px rgb(202 138 4);
  text-underline-offset: 2px;
}
::highlight(${ACTIVE_HIGHLIGHT}) {
  background-color: rgb(250 204 21 / 0.75);
  text-decoration: underline 2px rgb(161 98 7);
  text-underline-offset: 2px;
}
`;
