import type { EditionStatus } from './types';

export const STATUS_LABELS: Record<EditionStatus, string> = {
  concept: 'Concept',
  gepland: 'Gepland',
  verzenden: 'Wordt verzonden',
  verzonden: 'Verzonden',
};

// The drafted sections' kinds, as the editor reads them beside each section.
export const SECTION_KIND_LABELS: Record<string, string> = {
  'nieuwe-producten': 'Nieuwe producten',
  'bijgewerkte-producten': 'Bijgewerkte producten',
  vragen: 'Vragen en antwoorden',
  bijeenkomsten: 'Bijeenkomsten',
  termijnen: 'Termijnen',
  voortgang: 'Voortgang',
  signalen: 'Signalen',
  eigen: 'Eigen sectie',
};

export const EDITIONS_PATH = '/nieuwsbrief/edities';

export function editionPath(id: number): string {
  return `${EDITIONS_PATH}/${id}`;
}
