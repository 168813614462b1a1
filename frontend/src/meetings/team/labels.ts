import type { HostRole } from './types';

export const HOST_ROLE_LABELS: Record<HostRole, string> = {
  organisator: 'Organisator',
  medeorganisator: 'Medeorganisator',
};

export const REASON_LABELS: Record<'te-laat' | 'risico', string> = {
  'te-laat': 'Te laat',
  risico: 'Risico',
};

export const CRITERION_LABELS = {
  beide: 'Te laat of met risico',
  'te-laat': 'Alleen te laat',
  risico: 'Alleen met risico',
} as const;

/** "1 gemeente", "3 gemeenten". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// The steps the parts of the domain record, in words; an unknown one shows its own name.
const STEP_TEXTS: Record<string, string> = {
  aangemaakt: 'Bijeenkomst aangemaakt',
  gewijzigd: 'Bijeenkomst gewijzigd',
  verplaatst: 'Tijd of plaats gewijzigd; wie is aangemeld kreeg een bijgewerkte uitnodiging',
  geannuleerd: 'Bijeenkomst geannuleerd',
  aangemeld: 'Aanmelding',
  afgemeld: 'Afmelding',
  wachtlijst: 'Op de wachtlijst gezet',
  doorgeschoven: 'Van de wachtlijst doorgeschoven',
  'van-wachtlijst': 'Van de wachtlijst doorgeschoven',
  vol: 'Vol: nieuwe aanmeldingen komen op de wachtlijst',
  'weer-open': 'Weer plaats: aanmelden open',
  tijdsloten: 'Tijdsloten gemaakt',
  'tijdsloten-gemaakt': 'Tijdsloten gemaakt',
  geboekt: 'Tijdslot geboekt',
  'tijdslot-geboekt': 'Tijdslot geboekt',
  'boeking-geannuleerd': 'Boeking van een tijdslot geannuleerd',
  aanwezigheid: 'Aanwezigheid vastgelegd',
  'materiaal-toegevoegd': 'Materiaal toegevoegd',
  'materiaal-verwijderd': 'Materiaal verwijderd',
  'materialen-verstuurd': 'Materialen verstuurd',
  'materiaal-verstuurd': 'Materiaal verstuurd aan wie is aangemeld',
  'vraag-gekoppeld': 'Vraag gekoppeld',
  'vraag-ontkoppeld': 'Vraag ontkoppeld',
  uitgenodigd: 'Gemeenten die achterlopen uitgenodigd',
  uitnodigingen: 'Gemeenten die achterlopen uitgenodigd',
};

/** A history step in words, with its main detail where there is one. */
export function stepText(kind: string, details: Record<string, unknown>): string {
  const text = STEP_TEXTS[kind] ?? kind.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
  const extra = ['naam', 'reden', 'titel', 'aantal', 'velden']
    .map((key) => details[key])
    .find((value) => typeof value === 'string' || typeof value === 'number' || Array.isArray(value));
  if (extra === undefined) return text;
  return `${text}: ${Array.isArray(extra) ? extra.join(', ') : String(extra)}`;
}
