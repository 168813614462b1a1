import { pageFrom } from '../shared/Pagination';
import { PAGE_SIZE } from './api';
import { isBody, isKind, isStatus } from './labels';
import type { KindFilter, PublicFilters, RegisterFilters } from './types';

/** The names the register keeps in its URL, in the form's order. */
export const FILTER_NAMES = ['zoek', 'soort', 'leverancier', 'maatregel', 'status', 'aan', 'ouderDanDagen', 'open'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The ages one may filter on: older than a week, a month, a quarter, half a year. */
export const AGE_OPTIONS = [
  { value: '7', label: 'Ouder dan een week' },
  { value: '30', label: 'Ouder dan een maand' },
  { value: '90', label: 'Ouder dan drie maanden' },
  { value: '180', label: 'Ouder dan een half jaar' },
] as const;

const MEASURE = /^M\d{2}$/;
const ORGANISATION = /^[a-z0-9-]{2,60}$/;

/** The register's filters from the page's URL, leaving out anything the API would refuse. */
export function registerFiltersFrom(params: URLSearchParams): RegisterFilters {
  const filters: RegisterFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const kind = params.get('soort');
  if (isKind(kind)) filters.soort = kind;
  const measure = params.get('maatregel');
  if (measure && MEASURE.test(measure)) filters.maatregel = measure;
  const supplier = params.get('leverancier');
  if (supplier && ORGANISATION.test(supplier)) filters.leverancier = supplier;
  const status = params.get('status');
  if (isStatus(status)) filters.status = status;
  const body = params.get('aan');
  if (isBody(body)) filters.aan = body;
  const age = params.get('ouderDanDagen');
  if (age && /^\d{1,4}$/.test(age) && Number(age) <= 3650) filters.ouderDanDagen = Number(age);
  if (params.get('open') === 'true') filters.open = true;
  const search = params.get('zoek')?.trim();
  if (search && search.length >= 2 && search.length <= 100) filters.zoek = search;
  return filters;
}

/** Whether anything narrows the register (for the "nothing found" wording). */
export function isFiltered(filters: RegisterFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== undefined);
}

/** The public register's filters: kind, measure and status only. */
export function publicFiltersFrom(params: URLSearchParams): PublicFilters {
  const filters: PublicFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const kind = params.get('soort');
  if (isKind(kind)) filters.soort = kind;
  const measure = params.get('maatregel');
  if (measure && MEASURE.test(measure)) filters.maatregel = measure;
  const status = params.get('status');
  if (isStatus(status)) filters.status = status;
  return filters;
}

/** The blockers view's filters from its URL: a measure and a kind (`geen`: without one). */
export function blockerQueryFrom(params: URLSearchParams): { maatregel?: string; soort?: KindFilter } {
  const query: { maatregel?: string; soort?: KindFilter } = {};
  const measure = params.get('maatregel');
  if (measure && MEASURE.test(measure)) query.maatregel = measure;
  const kind = params.get('soort');
  if (kind === 'geen' || isKind(kind)) query.soort = kind;
  return query;
}

/** The signal the blockers view adds to (`?signaal=12`), or null. */
export function targetSignalFrom(params: URLSearchParams): number | null {
  const value = params.get('signaal');
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= 2147483647 ? id : null;
}
