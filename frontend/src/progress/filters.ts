import { pageFrom } from '../shared/Pagination';
import type { HelpQuery } from './helpTypes';
import type { MatrixFilters } from './types';

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

/** Choices for "measures taking effect within": no limit (every wave) by default. */
export const HORIZON_CHOICES = [30, 60, 90, 120, 180, 365, 730] as const;

export const HELP_PAGE_SIZE = 50;

const HELP_LIGHTS: readonly string[] = ['te-laat', 'risico'];
const CAUSES: readonly string[] = ['voortgang', 'ict'];
const CONTACTED: readonly string[] = ['ja', 'nee'];

/** Choices for "contacted within": any contact by default. */
export const CONTACT_CHOICES = [7, 14, 30, 60, 90] as const;

function daysFrom(raw: string | null): number | undefined {
  const days = Number(raw);
  return raw !== null && raw !== '' && Number.isInteger(days) && days >= 0 && days <= 730 ? days : undefined;
}

/** The help list's filters and page from the URL, leaving out anything the API would refuse. */
export function helpFiltersFrom(params: URLSearchParams): HelpQuery {
  const { provincie, arbeidsmarktregio, fase } = matrixFiltersFrom(params);
  const filters: HelpQuery = { paginaGrootte: HELP_PAGE_SIZE };
  if (provincie) filters.provincie = provincie;
  if (arbeidsmarktregio) filters.arbeidsmarktregio = arbeidsmarktregio;
  if (fase) filters.fase = fase;
  const measure = params.get('maatregel');
  if (measure && /^M\d{2}$/.test(measure)) filters.maatregel = measure;
  const light = params.get('verkeerslicht');
  if (light && HELP_LIGHTS.includes(light)) filters.verkeerslicht = light as HelpQuery['verkeerslicht'];
  const cause = params.get('oorzaak');
  if (cause && CAUSES.includes(cause)) filters.oorzaak = cause as HelpQuery['oorzaak'];
  const within = daysFrom(params.get('binnenDagen'));
  if (within !== undefined) filters.binnenDagen = within;
  const contacted = params.get('gecontacteerd');
  if (contacted && CONTACTED.includes(contacted)) {
    filters.gecontacteerd = contacted as HelpQuery['gecontacteerd'];
    const recent = daysFrom(params.get('contactBinnenDagen'));
    if (recent !== undefined) filters.contactBinnenDagen = recent;
  }
  const date = params.get('peildatum');
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) filters.peildatum = date;
  if (params.get('sorteer') === 'kans') filters.sorteer = 'kans';
  const page = pageFrom(params.get('pagina'));
  if (page > 1) filters.pagina = page;
  return filters;
}
