import { pageFrom } from '../shared/Pagination';
import { PAGE_SIZE } from './api';
import { isAudience, isProductStatus, isProductType } from './labels';
import type { ProductFilters } from './types';

// The API refuses shorter searches (openapi.json: zoek minLength 3).
export const SEARCH_MIN = 3;
export const SEARCH_MAX = 200;

export const SORT_OPTIONS = [
  { value: '', label: 'Standaard: relevantie of titel' },
  { value: 'titel', label: 'Titel (A–Z)' },
  { value: '-gewijzigdOp', label: 'Laatst gewijzigd eerst' },
  { value: 'soort', label: 'Soort' },
] as const;

const SORTS = new Set<string>(SORT_OPTIONS.map((option) => option.value).filter(Boolean));

/** The API's list filters from the page's URL, leaving out anything the API would refuse. */
export function productFiltersFrom(params: URLSearchParams, { withStatus = false } = {}): ProductFilters {
  const filters: ProductFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const zoek = params.get('zoek')?.trim();
  if (zoek && zoek.length >= SEARCH_MIN) filters.zoek = zoek.slice(0, SEARCH_MAX);
  const maatregel = params.get('maatregel');
  if (maatregel && /^M\d{2}$/.test(maatregel)) filters.maatregel = maatregel;
  const fase = Number(params.get('fase'));
  if (Number.isInteger(fase) && fase >= 1 && fase <= 99) filters.fase = fase;
  const soort = params.get('soort');
  if (isProductType(soort)) filters.soort = soort;
  const doelgroep = params.get('doelgroep');
  if (isAudience(doelgroep)) filters.doelgroep = doelgroep;
  const status = params.get('status');
  if (withStatus && isProductStatus(status)) filters.status = status;
  const sorteer = params.get('sorteer');
  if (sorteer && SORTS.has(sorteer)) filters.sorteer = sorteer;
  return filters;
}

/** Whether any filter or search narrows the list (for the "nothing found" wording). */
export function isFiltered(filters: ProductFilters): boolean {
  return Boolean(filters.zoek ?? filters.maatregel ?? filters.fase ?? filters.soort ?? filters.doelgroep ?? filters.status);
}
