// The only import of webextension-polyfill: when every supported browser has
// the promise-based `browser` namespace (Chrome 148+), this one file goes.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
