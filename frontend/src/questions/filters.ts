import { pageFrom } from '../shared/Pagination';
import { PAGE_SIZE } from './api';
import { isChannel, isStatus } from './labels';
import type { InboxFilters } from './types';

/**
 * The inbox's orders. The empty one is the API's default (afgerond,termijn): open work first,
 * the most urgent due date on top, answered and closed questions after it. The SPA sends no
 * sort for it, so the two cannot drift apart.
 */
export const SORT_OPTIONS = [
  { value: '', label: 'Open eerst, dan termijn' },
  { value: 'termijn', label: 'Termijn, open en afgehandeld door elkaar' },
  { value: '-ontvangenOp', label: 'Nieuwste eerst' },
  { value: 'ontvangenOp', label: 'Oudste eerst' },
  { value: 'status', label: 'Status' },
  { value: '-gewijzigdOp', label: 'Laatst gewijzigd eerst' },
] as const;

const SORTS = new Set<string>(SORT_OPTIONS.map((option) => option.value).filter(Boolean));

/** The names the inbox keeps in its URL, in the form's order. */
export const FILTER_NAMES = ['status', 'behandelaar', 'maatregel', 'thema', 'kanaal', 'gemeente', 'termijn', 'faq', 'sorteer'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The inbox filters from the page's URL, leaving out anything the API would refuse. */
export function inboxFiltersFrom(params: URLSearchParams): InboxFilters {
  const filters: InboxFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  const status = params.get('status');
  if (isStatus(status)) filters.status = status;
  const assignee = params.get('behandelaar');
  if (assignee && /^(\d{1,9}|mij|niemand)$/.test(assignee)) filters.behandelaar = assignee;
  const measure = params.get('maatregel');
  if (measure && /^M\d{2}$/.test(measure)) filters.maatregel = measure;
  const theme = params.get('thema');
  if (theme && /^[a-z0-9-]{1,80}$/.test(theme)) filters.thema = theme;
  const channel = params.get('kanaal');
  if (isChannel(channel)) filters.kanaal = channel;
  const municipality = params.get('gemeente');
  if (municipality && /^GM\d{4}$/.test(municipality)) filters.gemeente = municipality;
  const due = params.get('termijn');
  if (due === 'verlopen' || due === 'bijna-verlopen') filters.termijn = due;
  const faq = params.get('faq');
  if (faq === 'met' || faq === 'zonder') filters.faq = faq;
  const sort = params.get('sorteer');
  if (sort && SORTS.has(sort)) filters.sorteer = sort;
  return filters;
}

/** Whether anything narrows the list (for the "nothing found" wording). */
export function isFiltered(filters: InboxFilters): boolean {
  return FILTER_NAMES.some((name) => name !== 'sorteer' && filters[name] != null);
}
