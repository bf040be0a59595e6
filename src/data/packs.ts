import kaspersky from './kaspersky.pack.json';
import { parsePack, type Pack } from './pack-schema.ts';

/** The packs this build carries, validated as they load. */
export const kasperskyPack: Pack = parsePack(kaspersky, 'kaspersky.pack.json');
export const packs: readonly Pack[] = [kasperskyPack];
