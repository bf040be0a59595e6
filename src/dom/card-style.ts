/**
 * The card's look, inside its closed shadow root. :host rules marked
 * !important win over the page's own !important rules on our host (the
 * shadow context wins for important declarations), so page CSS cannot hide
 * or restyle the card; and nothing here can reach the page.
 */
export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: auto !important;
  left: var(--backstory-x, 0px) !important;
  top: var(--backstory-y, 0px) !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: transparent !important;
  overflow: visible !important;
  width: max-content !important;
  max-width: min(420px, calc(100vw - 16px)) !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  z-index: 2147483647 !important;
  color-scheme: light dark;
}
:host(:not(:popover-open)) { display: none !important; }
:host::backdrop { display: none !important; }

.card {
  --bg: #ffffff;
  --fg: #1c1f24;
  --muted: #4d5561;
  --line: #d6dae0;
  --accent: #1e40af;
  --note-bg: #fff7db;
  --note-line: #d4a106;
  --gov: #1e40af;
  --court: #7c3aed;
  --company: #b45309;
  box-sizing: border-box;
  width: 100%;
  max-height: min(72vh, 640px, var(--backstory-max-height, 72vh));
  overflow: auto;
  overscroll-behavior: contain;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--line);
  border-radius: 10px;
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  white-space: normal;
}
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1b1e23;
    --fg: #eceef1;
    --muted: #aab2bd;
    --line: #3a404a;
    --accent: #93b4ff;
    --note-bg: #3a3113;
    --note-line: #e0b83a;
    --gov: #93b4ff;
    --court: #c4a5ff;
    --company: #f0b45e;
  }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: backstory-in 120ms ease-out; }
  @keyframes backstory-in { from { opacity: 0; transform: translateY(-3px); } }
}
.card *, .card *::before, .card *::after { box-sizing: border-box; }
/* The first screen first: what lies below it waits one frame (see card.ts). */
.card[data-opening] .later { display: none; }
header { padding: 12px 40px 8px 14px; border-bottom: 1px solid var(--line); position: relative; }
h2 { font-size: 17px; line-height: 1.25; margin: 0; font-weight: 700; }
h2:focus { outline: none; }
h2:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.identity { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.close {
  position: absolute; top: 8px; right: 8px; width: 28px; height: 28px;
  border: 0; border-radius: 6px; background: transparent; color: var(--muted);
  font: 20px/1 system-ui, sans-serif; cursor: pointer;
}
.close:hover { background: var(--line); color: var(--fg); }
.body { padding: 4px 14px 8px; }
h3 { font-size: 13px; font-variant-caps: all-small-caps; letter-spacing: 0.04em; color: var(--muted); margin: 12px 0 6px; font-weight: 700; }
p { margin: 0; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; overflow-wrap: anywhere; }
/* The record at a glance: the first thing the card says. */
.summary .count { font-size: 15px; }
.summary .by { color: var(--muted); font-size: 13px; }
.summary .latest-line { margin-top: 4px; }
.latest {
  font: inherit; font-weight: 600; padding: 0; border: 0; background: none; color: var(--accent);
  text-align: start; text-decoration: underline; text-underline-offset: 2px; cursor: pointer;
}
.latest-what { font-size: 13px; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.checked { color: var(--muted); font-size: 12px; margin-top: 4px; }
.summary .more { margin-top: 6px; }
.event:focus { outline: none; }
.event:focus-visible, h3:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h3:focus { outline: none; }
.article { color: var(--muted); font-size: 13px; margin-bottom: 6px; }
ul, ol { margin: 0; padding: 0; list-style: none; }
.points > li { padding: 5px 0; border-top: 1px solid var(--line); }
.points > li:first-child { border-top: 0; }
.note { margin-top: 4px; padding: 4px 8px; background: var(--note-bg); border-left: 3px solid var(--note-line); border-radius: 4px; font-size: 13px; }
.events { position: relative; margin-left: 4px; padding-left: 14px; border-left: 2px solid var(--line); }
.event { position: relative; padding: 4px 0 8px; }
.event::before {
  content: ""; position: absolute; left: -20px; top: 9px; width: 10px; height: 10px;
  border-radius: 50%; background: var(--gov); border: 2px solid var(--bg);
}
.kind-court::before { background: var(--court); }
.kind-company::before { background: var(--company); }
.when { font-weight: 700; }
.badge { margin-left: 6px; padding: 0 6px; border-radius: 8px; font-size: 11px; font-weight: 600; background: var(--note-bg); color: var(--fg); border: 1px solid var(--note-line); }
.who { color: var(--muted); font-size: 13px; }
.sources { font-size: 12px; color: var(--muted); margin-top: 2px; }
cite { font-style: normal; }
.more, .actions button {
  font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px;
  border: 1px solid var(--line); background: transparent; color: var(--accent); padding: 4px 10px;
}
.more { margin: 2px 0 4px; }
.more:hover, .actions button:hover { background: var(--line); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
footer { padding: 8px 14px 12px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
/* A phone: the card takes the screen's width less a margin; floating-ui keeps it inside. */
@media (max-width: 479px) {
  :host { width: calc(100vw - 16px) !important; max-width: calc(100vw - 16px) !important; }
}
/* A finger: buttons it can hit (44 by 44 CSS pixels at least). */
@media (max-width: 479px), (pointer: coarse) {
  header { padding-right: 56px; }
  .close { top: 2px; right: 2px; width: 44px; height: 44px; font-size: 26px; }
  .more, .actions button, .latest { min-height: 44px; }
  .sources a, .article a { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px; }
}
`;
