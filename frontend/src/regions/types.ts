import type { GroupFigures } from '../dashboard/types';
import type { Provenance } from '../shared/Provenance';

/** A province or a labour-market region: the two kinds of region with a page of their own. */
export type RegionKind = 'provincie' | 'arbeidsmarktregio';

// Written by hand until the contract (openapi/openapi.json) has /provincies/{code}/voortgang;
// the shapes are those of api/progress/region_router.py.
export interface RankedMunicipality {
  /** 1 for the highest share implemented; equal shares share a rank. */
  rang: number;
  gemeente: { code: string; naam: string };
  cellen: number;
  aandeelGeimplementeerd: number;
  tekort: number | null;
  verkeerslichten: Record<'op-schema' | 'risico' | 'te-laat', number>;
}

export interface RegionProgress {
  soort: RegionKind;
  regio: { code: string; naam: string };
  peildatum: string;
  cijfers: GroupFigures;
  gemeenten: RankedMunicipality[];
  herkomst: Provenance;
}
