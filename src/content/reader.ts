// What a reader touches (hover, card, keyboard, the panel's list), loaded by
// the content script on the first page that shows a mention (see
// dom/page-session.ts and platform/own-modules.ts): pages without one never
// parse it.
export { startReader } from '../dom/reader.ts';
// The content script's strings in a language the reader chose are formatted here, for the same reason.
export { formatMessage } from '../lib/message-format.ts';
