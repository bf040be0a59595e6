/**
 * The marks' look: the only CSS that reaches the page, and it styles only our
 * own highlights. The build writes it to content.css for documents; shadow
 * roots adopt it as a constructed sheet.
 */
export const MENTION_HIGHLIGHT = 'backstory-mention';
export const ACTIVE_HIGHLIGHT = 'backstory-mention-active';

/** The registered name for each highlight style setting; yellow is the default name. */
export const STYLE_HIGHLIGHT = {
  yellow: MENTION_HIGHLIGHT,
  blue: 'backstory-mention-blue',
  contrast: 'backstory-mention-contrast',
  underline: 'backstory-mention-underline',
} as const;

/** One rule per line, without indentation: the string ships in every frame's content script. */
export const HIGHLIGHT_CSS = [
  `::highlight(${MENTION_HIGHLIGHT}){background-color:rgb(250 204 21/.4);text-decoration:underline 2px rgb(202 138 4);text-underline-offset:2px}`,
  `::highlight(${STYLE_HIGHLIGHT.blue}){background-color:rgb(96 165 250/.35);text-decoration:underline 2px rgb(37 99 235);text-underline-offset:2px}`,
  `::highlight(${STYLE_HIGHLIGHT.contrast}){color:#000;background-color:#ff0;text-decoration:underline 3px #000;text-underline-offset:2px}`,
  `::highlight(${STYLE_HIGHLIGHT.underline}){text-decoration:underline 2px rgb(220 38 38);text-underline-offset:3px}`,
  `::highlight(${ACTIVE_HIGHLIGHT}){background-color:rgb(250 204 21/.75);text-decoration:underline 2px rgb(161 98 7);text-underline-offset:2px}`,
].join('\n');
