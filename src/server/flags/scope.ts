import { isNull, or, type SQL } from 'drizzle-orm';
import { paidStatusFlags } from '../db/schema';
import { regionSubtree } from '../http/scope';

/** Flags of the reader's region; provincial readers also see orphans, which have no region yet. */
export const flagScope = (regionCode: string): SQL | undefined =>
  regionCode.length === 2
    ? or(regionSubtree(paidStatusFlags.regionCode, regionCode), isNull(paidStatusFlags.regionCode))
    : regionSubtree(paidStatusFlags.regionCode, regionCode);
