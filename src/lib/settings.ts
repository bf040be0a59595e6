import * as v from 'valibot';

/**
 * Settings: one defaults object whose type is the settings type, a list of
 * migrations from older stored shapes, and a repair step that replaces any
 * value of the wrong type or out of range by its default, key by key,
 * keeping the rest and dropping unknown keys.
 */

export const HIGHLIGHT_STYLES = ['yellow', 'blue', 'contrast', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const LANGUAGES = ['auto', 'en', 'nl'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];
export const HOVER_DELAY = { min: 100, max: 1500, step: 50 } as const;

export interface Settings {
  /** The stored shape's version; migrations bring older ones up to it. */
  version: number;
  /** Backstory runs at all (false: paused everywhere). */
  enabled: boolean;
  /** Hostnames where it does not run; each covers its subdomains. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** How long the pointer rests on a mention before the card opens. */
  hoverDelayMs: number;
  language: LanguageSetting;
  /** The card lists every government action, not only those the article reports. */
  showAllEvents: boolean;
}

export const SETTINGS_VERSION = 2;

export const defaults: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  highlightStyle: 'yellow',
  hoverDelayMs: 350,
  language: 'auto',
  showAllEvents: false,
};

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** A site as a reader may type it ("https://www.example.com/x", "Example.com") → its hostname, or null. */
export function siteHostname(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  let host = trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) {
    if (!URL.canParse(trimmed)) return null;
    host = new URL(trimmed).hostname;
  } else {
    host = trimmed.split(/[/?#:]/)[0] ?? '';
  }
  return HOSTNAME.test(host) ? host : null;
}

const schemas: { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> } = {
  version: v.literal(SETTINGS_VERSION),
  enabled: v.boolean(),
  // One bad entry does not cost the reader the rest of the list.
  disabledSites: v.pipe(
    v.array(v.unknown()),
    v.transform((sites) => [
      ...new Set(
        sites
          .map((s) => (typeof s === 'string' ? siteHostname(s) : null))
          .filter((s): s is string => s !== null),
      ),
    ]),
  ),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY.min), v.maxValue(HOVER_DELAY.max)),
  language: v.picklist(LANGUAGES),
  showAllEvents: v.boolean(),
};

/** Each migration takes the stored record of the version before it. */
export const migrations: Array<{ to: number; migrate(old: Record<string, unknown>): Record<string, unknown> }> = [
  {
    // Version 1 (no version key) had `paused` and kept sites as the URLs they were turned off from.
    to: 2,
    migrate(old) {
      const { paused, ...rest } = old;
      return {
        ...rest,
        ...(typeof paused === 'boolean' && !('enabled' in old) ? { enabled: !paused } : {}),
        version: 2,
      };
    },
  },
];

export function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  let record = stored;
  const from = typeof record.version === 'number' ? record.version : 1;
  for (const step of migrations) if (step.to > from) record = step.migrate(record);
  return record;
}

/** Reads stored settings, never trusting them. */
export function repairSettings(stored: unknown): Settings {
  const raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const record = migrate(raw);
  const out = { ...defaults } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(defaults) as Array<keyof Settings>) {
    if (!(key in record)) continue;
    const parsed = v.safeParse(schemas[key], record[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  return out as unknown as Settings;
}

/** True when `hostname` is one of the sites, or a subdomain of one. */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

export function runsOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, hostname);
}

export function withSiteDisabled(settings: Settings, site: string): Settings {
  const host = siteHostname(site);
  if (!host || settings.disabledSites.includes(host)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, host] };
}

/** Turns a site back on: the site itself and any listed parent domain that covered it. */
export function withSiteEnabled(settings: Settings, hostname: string): Settings {
  const host = hostname.toLowerCase();
  const kept = settings.disabledSites.filter((site) => !(host === site || host.endsWith(`.${site}`)));
  return kept.length === settings.disabledSites.length ? settings : { ...settings, disabledSites: kept };
}
