import type { components } from '../api/schema';
import type { Role } from './session';

export type Scope = components['schemas']['Scope'];
export type ClientKind = components['schemas']['ClientKind'];

export const ROLE_LABELS: Record<Role, string> = {
  gemeente: 'Gemeentelijke contactpersoon',
  redacteur: 'Redacteur',
  beheerder: 'Beheerder',
  expert: 'Expert van een partnerorganisatie',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  gemeente: 'Geeft de voortgang van de eigen gemeente(n) door en stelt vragen.',
  redacteur: 'Werkt producten en inhoud van het programma bij.',
  beheerder: 'Beheert gebruikers, koppelingen en het auditlog.',
  expert: 'Beantwoordt de vragen die het implementatieteam aan de eigen organisatie voorlegt.',
};

export const ROLES: Role[] = ['gemeente', 'redacteur', 'beheerder', 'expert'];

export const SCOPE_LABELS: Record<Scope, string> = {
  'producten:lezen': 'Producten lezen (ook geplande producten)',
  'producten:schrijven': 'Producten wijzigen',
  'voortgang:lezen': 'Voortgang lezen van de eigen gemeenten',
  'voortgang:schrijven': 'Voortgang doorgeven voor de eigen gemeenten',
  'gereedheid:schrijven': 'ICT-gereedheid doorgeven voor de eigen applicaties (leverancier)',
};

export const SCOPES: Scope[] = [
  'producten:lezen',
  'producten:schrijven',
  'voortgang:lezen',
  'voortgang:schrijven',
  'gereedheid:schrijven',
];

export const CLIENT_KIND_LABELS: Record<ClientKind, string> = {
  partner: 'Ketenpartner',
  script: 'Script',
  leverancier: 'Leverancier',
};

export const CLIENT_KIND_DESCRIPTIONS: Record<ClientKind, string> = {
  partner: 'Een systeem van een ketenpartner, zoals een kennisbank.',
  script: 'Een script of systeem van een gemeente of samenwerkingsverband; alleen voortgangsrechten.',
  leverancier:
    'Het systeem van een softwareleverancier: geeft de gereedheid van de eigen applicaties per maatregel door.',
};

export function rolesText(roles: Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ') || 'Geen';
}

export function namesText(items: { naam: string }[], none = 'Geen'): string {
  return items.map((item) => item.naam).join(', ') || none;
}
