import { pageFrom } from '../shared/Pagination';
import { SEARCH_MAX, SEARCH_MIN } from '../products/filters';
import type { FaqFilters } from './api';

// All entries of a measure fit on one page, so the headings per measure are not cut off.
const PAGE_SIZE = 100;

/** The FAQ filters from the page's URL, leaving out anything the API would refuse. */
export function faqFiltersFrom(params: URLSearchParams): FaqFilters {
  const filters: FaqFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const zoek = params.get('zoek')?.trim();
  if (zoek && zoek.length >= SEARCH_MIN) filters.zoek = zoek.slice(0, SEARCH_MAX);
  const maatregel = params.get('maatregel');
  if (maatregel && /^M\d{2}$/.test(maatregel)) filters.maatregel = maatregel;
  return filters;
}
