import { isIndicator } from './classes';
import type { Indicator, Level, MunicipalityFeature } from './types';

export const LEVELS: readonly Level[] = ['gemeente', 'provincie', 'arbeidsmarktregio'];

export const LEVEL_LABELS: Record<Level, string> = {
  gemeente: 'Gemeenten',
  provincie: 'Provincies',
  arbeidsmarktregio: "Arbeidsmarktregio's",
};

export interface MapFilters {
  indicator: Indicator;
  /** Municipalities (the default), provinces or labour-market regions. */
  niveau: Level;
  fase?: number;
  maatregel?: string;
  /** A province (PV26) or labour-market region (AM13) to zoom to; all of the Netherlands without. */
  gebied?: string;
}

export const AREA_CODE = /^(PV|AM)\d{2}$/;

/** The map's filters from the address; anything unreadable is left out rather than sent. */
export function mapFiltersFrom(params: URLSearchParams): MapFilters {
  const indicator = params.get('indicator');
  const niveau = LEVELS.find((level) => level === params.get('niveau')) ?? 'gemeente';
  const filters: MapFilters = { indicator: isIndicator(indicator) ? indicator : 'aandeel-geimplementeerd', niveau };
  const fase = Number(params.get('fase'));
  if (Number.isInteger(fase) && fase >= 1 && fase <= 99) filters.fase = fase;
  const maatregel = params.get('maatregel');
  if (maatregel && /^M\d{2}$/.test(maatregel)) filters.maatregel = maatregel;
  const gebied = params.get('gebied');
  if (gebied && AREA_CODE.test(gebied)) filters.gebied = gebied;
  return filters;
}

export function mapSearch(filters: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (params.get('indicator') === 'aandeel-geimplementeerd') params.delete('indicator');
  if (params.get('niveau') === 'gemeente') params.delete('niveau');
  return params.toString();
}

/** Whether a municipality lies in the area zoomed to (a province or region); every one without. */
export function inArea(properties: MunicipalityFeature['properties'], gebied: string | undefined): boolean {
  return !gebied || properties.provincie === gebied || properties.arbeidsmarktregio === gebied;
}
