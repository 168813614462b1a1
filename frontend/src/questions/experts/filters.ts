import { pageFrom } from '../../shared/Pagination';
import { PAGE_SIZE, type ExpertFilters } from './api';
import { isExpertState } from './labels';

/** The inbox's filters from the URL: a known status and the page; anything else is left out. */
export function expertFiltersFrom(params: URLSearchParams): ExpertFilters {
  const filters: ExpertFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const status = params.get('status');
  if (isExpertState(status)) filters.status = status;
  return filters;
}
