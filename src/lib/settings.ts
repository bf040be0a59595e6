import * as v from 'valibot';

/**
 * Settings: one defaults object whose type is the settings type, and a
 * repair step that replaces any stored value of the wrong type or out of
 * range by its default, key by key, keeping the rest.
 */
export interface Settings {
  /** Backstory runs at all. */
  enabled: boolean;
  /** Hostnames where it does not run; each covers its subdomains. */
  disabledSites: string[];
}

export const defaults: Settings = {
  enabled: true,
  disabledSites: [],
};

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

const schemas: { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> } = {
  enabled: v.boolean(),
  disabledSites: v.pipe(
    v.array(v.string()),
    v.transform((sites) => [...new Set(sites.map((s) => s.trim().toLowerCase()).filter((s) => HOSTNAME.test(s)))]),
  ),
};

/** Reads stored settings, never trusting them: bad keys fall back to defaults, unknown keys are dropped. */
export function repairSettings(stored: unknown): Settings {
  const record = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
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

export function withSiteDisabled(settings: Settings, hostname: string): Settings {
  const host = hostname.toLowerCase();
  if (!HOSTNAME.test(host) || settings.disabledSites.includes(host)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, host] };
}
