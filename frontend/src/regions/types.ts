import type { components } from '../api/schema';

/** A province or a labour-market region: the two kinds of region with a page of their own. */
export type RegionKind = 'provincie' | 'arbeidsmarktregio';

export type RankedMunicipality = components['schemas']['RankedMunicipality'];
export type RegionProgress = components['schemas']['RegionProgress'];
