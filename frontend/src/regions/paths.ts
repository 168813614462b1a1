import type { RegionKind } from './types';

/** The collection a region's kind lives in, in the API and in the SPA alike. */
export const REGION_COLLECTIONS: Record<RegionKind, 'provincies' | 'arbeidsmarktregios'> = {
  provincie: 'provincies',
  arbeidsmarktregio: 'arbeidsmarktregios',
};

export const REGION_KIND_LABELS: Record<RegionKind, string> = {
  provincie: 'Provincie',
  arbeidsmarktregio: 'Arbeidsmarktregio',
};

export const REGION_CODES: Record<RegionKind, RegExp> = {
  provincie: /^PV\d{2}$/,
  arbeidsmarktregio: /^AM\d{2}$/,
};

/** The public page of a province (/provincies/PV20) or labour-market region (/arbeidsmarktregios/AM01). */
export const regionPath = (kind: RegionKind, code: string) => `/${REGION_COLLECTIONS[kind]}/${code}`;

/** A region's kind from its code (PV20, AM01); undefined for anything else. */
export function kindOf(code: string): RegionKind | undefined {
  if (REGION_CODES.provincie.test(code)) return 'provincie';
  if (REGION_CODES.arbeidsmarktregio.test(code)) return 'arbeidsmarktregio';
  return undefined;
}

/** "Provincie Groningen", "Arbeidsmarktregio Groningen": three places are called Groningen. */
export const regionTitle = (kind: RegionKind, name: string) => `${REGION_KIND_LABELS[kind]} ${name}`;
