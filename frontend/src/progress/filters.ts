import { pageFrom } from '../admin/Pagination';
import type { HelpFilters, MatrixFilters } from './types';

/** How the heat map colours its cells. */
export type MatrixView = 'verkeerslicht' | 'fase';

/** The matrix filters from the page's URL, leaving out anything the API would refuse. */
export function matrixFiltersFrom(params: URLSearchParams): MatrixFilters {
  const filters: MatrixFilters = {};
  const province = params.get('provincie');
  if (province && /^PV\d{2}$/.test(province)) filters.provincie = province;
  const region = params.get('arbeidsmarktregio');
  if (region && /^AM\d{2}$/.test(region)) filters.arbeidsmarktregio = region;
  const wave = Number(params.get('fase'));
  if (Number.isInteger(wave) && wave >= 1 && wave <= 99) filters.fase = wave;
  const theme = params.get('thema');
  if (theme && /^[a-z0-9-]{1,80}$/.test(theme)) filters.thema = theme;
  return filters;
}

export function matrixViewFrom(params: URLSearchParams): MatrixView {
  return params.get('weergave') === 'fase' ? 'fase' : 'verkeerslicht';
}

export const HORIZON_CHOICES = [30, 60, 90, 120, 180, 365, 730] as const;
export const DEFAULT_HORIZON = 120;

/** The help list's filters from the URL: the horizon in days (0–730) and a reference date. */
export function helpFiltersFrom(params: URLSearchParams): HelpFilters {
  const filters: HelpFilters = {};
  const raw = params.get('binnenDagen');
  const days = Number(raw);
  if (raw !== null && raw !== '' && Number.isInteger(days) && days >= 0 && days <= 730) filters.binnenDagen = days;
  const date = params.get('peildatum');
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) filters.peildatum = date;
  return filters;
}

export const HELP_PAGE_SIZE = 50;

/** The slice of a client-side list shown on `page` (from the URL's `pagina`), and how many pages. */
export function pageOf<T>(items: readonly T[], params: URLSearchParams, size: number): { page: number; pages: number; items: T[] } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pageFrom(params.get('pagina')), pages);
  return { page, pages, items: items.slice((page - 1) * size, page * size) };
}
