import type { Channel, DueState, QuestionEvent, QuestionStatus } from './types';

export const STATUSES: readonly QuestionStatus[] = [
  'nieuw',
  'beoordeeld',
  'toegewezen',
  'wacht-op-expert',
  'beantwoord',
  'gesloten',
];

export const STATUS_LABELS: Record<QuestionStatus, string> = {
  nieuw: 'Nieuw',
  beoordeeld: 'Beoordeeld',
  toegewezen: 'Toegewezen',
  'wacht-op-expert': 'Wacht op expert',
  beantwoord: 'Beantwoord',
  gesloten: 'Gesloten',
};

export const CHANNELS: readonly Channel[] = ['e-mail', 'telefoon', 'webformulier', 'spreekuur', 'bijeenkomst'];

export const CHANNEL_LABELS: Record<Channel, string> = {
  'e-mail': 'E-mail',
  telefoon: 'Telefoon',
  webformulier: 'Webformulier',
  spreekuur: 'Spreekuur',
  bijeenkomst: 'Bijeenkomst',
};

export const DUE_LABELS: Record<DueState, string> = {
  'op-tijd': 'Op tijd',
  'bijna-verlopen': 'Bijna verlopen',
  verlopen: 'Verlopen',
  afgerond: 'Afgerond',
};

/** A shape per due state, so the state never depends on colour alone. */
export const DUE_SYMBOLS: Record<DueState, string> = {
  'op-tijd': '✓',
  'bijna-verlopen': '▲',
  verlopen: '✕',
  afgerond: '●',
};

export function isStatus(value: string | null): value is QuestionStatus {
  return value !== null && (STATUSES as readonly string[]).includes(value);
}

export function isChannel(value: string | null): value is Channel {
  return value !== null && (CHANNELS as readonly string[]).includes(value);
}

export function statusLabel(value: string | null): string {
  return value !== null && isStatus(value) ? STATUS_LABELS[value] : (value ?? '–');
}

/** "65%" for 0.65; a dash when there is nothing to divide. */
export function shareText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** "4,5 werkdagen" (Dutch decimal comma); a dash when nothing was answered. */
export function workingDaysText(days: number | null): string {
  if (days === null) return '–';
  const text = days.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `${text} ${days === 1 ? 'werkdag' : 'werkdagen'}`;
}

/** One line in Dutch for an entry in a question's history. */
export function eventText(event: Pick<QuestionEvent, 'soort' | 'van' | 'naar' | 'details'>): string {
  const details = event.details as Record<string, unknown>;
  const note = typeof details.toelichting === 'string' && details.toelichting ? ` (${details.toelichting})` : '';
  switch (event.soort) {
    case 'ingediend':
      return typeof details.kanaal === 'string' && isChannel(details.kanaal)
        ? `Vraag ontvangen via ${CHANNEL_LABELS[details.kanaal].toLowerCase()}`
        : 'Vraag ontvangen';
    case 'status':
      return `Status: ${statusLabel(event.van)} → ${statusLabel(event.naar)}${note}`;
    case 'heropend':
      return `Heropend: ${statusLabel(event.van)} → ${statusLabel(event.naar)}${note}`;
    case 'notitie':
      return 'Interne notitie toegevoegd';
    case 'gewijzigd':
      return 'Onderwerp, maatregelen of thema aangepast';
    case 'samengevoegd':
      if (typeof details.opgenomen === 'number') return `Vraag ${details.opgenomen} hierin samengevoegd`;
      if (typeof details.in === 'number') return `Samengevoegd met vraag ${details.in}`;
      return 'Samengevoegd';
    case 'bijlage':
      return typeof details.naam === 'string' ? `Bijlage toegevoegd: ${details.naam}` : 'Bijlage toegevoegd';
    case 'gewist':
      return 'Persoonsgegevens gewist';
    case 'expertantwoord':
      return `Antwoord van de expert ontvangen: ${statusLabel(event.van)} → ${statusLabel(event.naar)}`;
    case 'faq-gepubliceerd':
      return typeof details.faq === 'number'
        ? `Gepubliceerd als veelgestelde vraag ${details.faq}`
        : 'Gepubliceerd als veelgestelde vraag';
    default:
      return event.naar ? `${event.soort}: ${statusLabel(event.van)} → ${statusLabel(event.naar)}` : event.soort;
  }
}

/**
 * Who took a step: the person's name when the history gives one (doorNaam); otherwise, by the
 * subject ("user:12", "client:crm"), "U" for the viewer's own steps, or which user or client it was.
 */
export function actorText(actor: string, name: string | null, currentUserId: number | null): string {
  if (name) return name;
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return Number(user[1]) === currentUserId ? 'U' : `Gebruiker ${user[1]}`;
  const client = /^client:(.+)$/.exec(actor);
  if (client) return `Koppeling ${client[1]}`;
  return actor;
}
