import { AUDIENCE_LABELS, isAudience, isProductStatus, isProductType, PRODUCT_TYPE_LABELS, STATUS_LABELS } from '../labels';
import type { HistoryEntry } from '../types';

const KIND_LABELS: Record<string, string> = {
  aangemaakt: 'Aangemaakt',
  gewijzigd: 'Gegevens gewijzigd',
  'bestand:toegevoegd': 'Document toegevoegd',
  'link:toegevoegd': 'Link toegevoegd',
  'bestand:verwijderd': 'Document of link verwijderd',
  'toetsing:uitgenodigd': 'Toetser uitgenodigd',
  'toetsing:goedgekeurd': 'Goedgekeurd door toetser',
  'toetsing:aanpassingen-nodig': 'Aanpassingen nodig volgens toetser',
  'actualiteit:controleren': 'Actualiteit controleren',
  'actualiteit:bevestigd': 'Actualiteit bevestigd',
  'actualiteit:niet-actueel': 'Niet meer actueel',
};

const FIELD_LABELS: Record<string, string> = {
  soort: 'soort',
  titel: 'titel',
  samenvatting: 'samenvatting',
  maatregelen: 'maatregelen',
  doelgroepen: 'doelgroepen',
  uitgevers: 'uitgevers',
  taalniveau: 'taalniveau',
  licentie: 'licentie',
  geplandDatum: 'geplande datum',
  eigenaarId: 'eigenaar',
  eigenaar: 'eigenaar',
};

export function kindLabel(kind: string): string {
  if (kind.startsWith('status:')) {
    const status = kind.slice('status:'.length);
    return `Status: ${isProductStatus(status) ? STATUS_LABELS[status] : status}`;
  }
  return KIND_LABELS[kind] ?? kind;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'leeg';
  if (Array.isArray(value)) return value.map(valueText).join(', ') || 'leeg';
  if (typeof value === 'string') {
    if (isProductType(value)) return PRODUCT_TYPE_LABELS[value];
    if (isAudience(value)) return AUDIENCE_LABELS[value];
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isChange(value: unknown): value is { van: unknown; naar: unknown } {
  return typeof value === 'object' && value !== null && 'naar' in value;
}

const LONG_TEXT = 160;

function shorten(text: string): string {
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT - 1)}…` : text;
}

/** The details of one history record in a sentence or two, for people. */
export function detailsText(entry: HistoryEntry, personName: (ref: string) => string): string {
  const details = entry.details;
  const parts: string[] = [];
  if (entry.soort === 'gewijzigd') {
    for (const [field, change] of Object.entries(details)) {
      if (!isChange(change)) continue;
      const label = FIELD_LABELS[field] ?? field;
      parts.push(`${label}: ${shorten(valueText(change.van))} → ${shorten(valueText(change.naar))}`);
    }
    return parts.join('; ');
  }
  if (typeof details.titel === 'string') parts.push(details.titel);
  if (typeof details.naam === 'string') parts.push(details.naam);
  if (typeof details.url === 'string') parts.push(details.url);
  if (typeof details.toetser === 'number' || typeof details.toetser === 'string') {
    parts.push(`toetser: ${personName(`user:${details.toetser}`)}`);
  }
  if (typeof details.versie === 'number') parts.push(`versie ${details.versie}`);
  if (typeof details.wijzigingsnotitie === 'string') parts.push(`wijzigingsnotitie: ${details.wijzigingsnotitie}`);
  if (typeof details.toelichting === 'string') parts.push(`toelichting: ${details.toelichting}`);
  if (typeof details.reden === 'string') parts.push(details.reden);
  return parts.join('; ');
}

/** "user:3" → the person's name when we know it, else "gebruiker 3". */
export function personNamer(known: Map<string, string>): (ref: string) => string {
  return (ref) => {
    const name = known.get(ref);
    if (name) return name;
    const match = /^user:(\d+)$/.exec(ref);
    return match ? `gebruiker ${match[1]}` : ref;
  };
}
