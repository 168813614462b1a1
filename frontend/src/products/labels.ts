import type { Audience, ProductStatus, ProductType, Verdict } from './types';

export const PRODUCT_TYPE_LABELS: Record<ProductType, string> = {
  impactanalyse: 'Impactanalyse',
  handreiking: 'Handreiking',
  routekaart: 'Routekaart',
  'vraag-en-antwoord': 'Vragen en antwoorden',
  format: 'Format',
  modelverordening: 'Modelverordening',
  modelbeschikking: 'Modelbeschikking',
  factsheet: 'Factsheet',
  presentatie: 'Presentatie',
  voorlichting: 'Voorlichtingsmateriaal',
  opname: 'Opname',
};

export const PRODUCT_TYPES = Object.keys(PRODUCT_TYPE_LABELS) as ProductType[];

export const STATUS_LABELS: Record<ProductStatus, string> = {
  gepland: 'Gepland',
  'in-ontwikkeling': 'In ontwikkeling',
  'in-toetsing': 'In toetsing',
  gepubliceerd: 'Gepubliceerd',
  ingetrokken: 'Ingetrokken',
};

export const PRODUCT_STATUSES = Object.keys(STATUS_LABELS) as ProductStatus[];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  beleidsmedewerker: 'Beleidsmedewerkers',
  klantmanager: 'Klantmanagers',
  applicatiebeheerder: 'Applicatiebeheerders',
  management: 'Management',
  inwoners: 'Inwoners',
};

export const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];

export const VERDICT_LABELS: Record<Verdict, string> = {
  goedgekeurd: 'Goedgekeurd',
  'aanpassingen-nodig': 'Aanpassingen nodig',
};

export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export function isProductType(value: string | null): value is ProductType {
  return value !== null && value in PRODUCT_TYPE_LABELS;
}

export function isProductStatus(value: string | null): value is ProductStatus {
  return value !== null && value in STATUS_LABELS;
}

export function isAudience(value: string | null): value is Audience {
  return value !== null && value in AUDIENCE_LABELS;
}

export function listText(items: string[], none = 'Geen'): string {
  return items.join(', ') || none;
}

/** "12 kB", "1,4 MB": a file size for people. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const format = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

const MEDIA_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
};

export function mediaTypeText(mediaType: string | null): string {
  if (!mediaType) return 'document';
  return MEDIA_TYPE_NAMES[mediaType] ?? mediaType;
}
