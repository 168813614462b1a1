import { BLOCKER_KIND_LABELS, BLOCKER_KINDS } from '../progress/labels';
import type { Body, Outcome, ReporterKind, SignalEvent, SignalKind, SignalStatus } from './types';

/** A signal's kinds are a progress blocker's kinds, in the same words. */
export const KINDS: readonly SignalKind[] = BLOCKER_KINDS;
export const KIND_LABELS: Record<SignalKind, string> = BLOCKER_KIND_LABELS;

/** The states in the order of the loop; afgewezen last. */
export const STATUSES: readonly SignalStatus[] = [
  'gemeld',
  'in-behandeling',
  'doorgezet',
  'reactie-ontvangen',
  'teruggekoppeld',
  'afgewezen',
];

export const STATUS_LABELS: Record<SignalStatus, string> = {
  gemeld: 'Gemeld',
  'in-behandeling': 'In behandeling',
  doorgezet: 'Doorgezet',
  'reactie-ontvangen': 'Reactie ontvangen',
  teruggekoppeld: 'Teruggekoppeld',
  afgewezen: 'Afgewezen',
};

export const BODIES: readonly Body[] = ['spoor-2', 'spoor-3', 'szw', 'divosa', 'leverancier', 'programma'];

export const BODY_LABELS: Record<Body, string> = {
  'spoor-2': 'Spoor 2 (herziening van de wet)',
  'spoor-3': 'Spoor 3 (vakmanschap en leren)',
  szw: 'Ministerie van SZW',
  divosa: 'Divosa',
  leverancier: 'Softwareleverancier',
  programma: 'Het programma',
};

/** Short names for table cells, where the long ones would make the column wide. */
export const BODY_SHORT_LABELS: Record<Body, string> = {
  'spoor-2': 'Spoor 2',
  'spoor-3': 'Spoor 3',
  szw: 'SZW',
  divosa: 'Divosa',
  leverancier: 'Leverancier',
  programma: 'Programma',
};

export const OUTCOMES: readonly Outcome[] = ['wetswijziging', 'handreiking', 'product', 'geen'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  wetswijziging: 'Een wetswijziging',
  handreiking: 'Een handreiking',
  product: 'Een implementatieproduct',
  geen: 'Niets',
};

export const REPORTER_LABELS: Record<ReporterKind, string> = {
  gemeente: 'Gemeente',
  adviseur: 'Adviseur van het programma',
  expert: 'Expert van een partnerorganisatie',
  afgeleid: 'Afgeleid uit de gegevens',
};

function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isKind = (value: string | null | undefined): value is SignalKind => isOneOf(KINDS, value);
export const isStatus = (value: string | null | undefined): value is SignalStatus => isOneOf(STATUSES, value);
export const isBody = (value: string | null | undefined): value is Body => isOneOf(BODIES, value);
export const isOutcome = (value: string | null | undefined): value is Outcome => isOneOf(OUTCOMES, value);

/** A kind, status or body the API might add later is shown as it comes rather than breaking the page. */
export function kindLabel(value: string | null | undefined): string {
  return isKind(value) ? KIND_LABELS[value] : (value ?? '–');
}

export function statusLabel(value: string | null | undefined): string {
  return isStatus(value) ? STATUS_LABELS[value] : (value ?? '–');
}

export function bodyLabel(value: string | null | undefined): string {
  return isBody(value) ? BODY_LABELS[value] : (value ?? '–');
}

/** "1 dag", "12 dagen". */
export function daysText(days: number): string {
  return `${days} ${days === 1 ? 'dag' : 'dagen'}`;
}

const inhabitants = new Intl.NumberFormat('nl-NL');

/** "3 gemeenten, 412.000 inwoners"; "Nog geen gemeenten" without evidence. */
export function reachText({ gemeenten, inwoners }: { gemeenten: number; inwoners: number }): string {
  if (gemeenten === 0) return 'Nog geen gemeenten';
  return `${gemeenten} ${gemeenten === 1 ? 'gemeente' : 'gemeenten'}, ${inhabitants.format(inwoners)} inwoners`;
}

/**
 * One line in Dutch for a step in a signal's history; `places` names the municipalities the
 * history gives by code (those of the signal's evidence).
 */
export function eventText(event: Pick<SignalEvent, 'soort' | 'van' | 'naar' | 'details'>, places: Record<string, string> = {}): string {
  const details = event.details;
  const cell = (value: string) => {
    const [code, measure] = value.split('/');
    return code && measure && places[code] ? `${places[code]} bij ${measure}` : value;
  };
  const text = (name: string) => (typeof details[name] === 'string' ? details[name] : null);
  const list = (name: string) => (Array.isArray(details[name]) ? (details[name] as unknown[]).map(String) : []);
  switch (event.soort) {
    case 'gemeld':
      return 'Signaal gemeld';
    case 'status': {
      const move = `Status: ${statusLabel(event.van)} → ${statusLabel(event.naar)}`;
      const body = text('aan');
      if (event.naar === 'doorgezet' && body) return `${move}, aan ${bodyLabel(body)}`;
      const outcome = text('uitkomst');
      if (event.naar === 'reactie-ontvangen' && isOutcome(outcome)) return `${move}; verandert: ${OUTCOME_LABELS[outcome].toLowerCase()}`;
      const reason = text('reden');
      if (event.naar === 'afgewezen' && reason) return `${move} (${reason})`;
      return move;
    }
    case 'gewijzigd': {
      if (details.openbaar === true) return 'Openbaar gemaakt';
      if (details.openbaar === false) return 'Niet langer openbaar';
      if (Object.keys(details).length === 1 && 'leverancier' in details) {
        const supplier = text('leverancier');
        return supplier ? `Leverancier: ${supplier}` : 'Leverancier weggehaald';
      }
      return 'Titel, omschrijving, soort, leverancier, maatregelen of thema’s aangepast';
    }
    case 'bewijs-toegevoegd': {
      const questions = list('vragen');
      const blockers = list('knelpunten');
      const parts = [
        questions.length > 0 ? `${questions.length === 1 ? 'vraag' : 'vragen'} ${questions.join(', ')}` : null,
        blockers.length > 0 ? `${blockers.length === 1 ? 'knelpunt' : 'knelpunten'} ${blockers.map(cell).join(', ')}` : null,
      ].filter(Boolean);
      return `Bewijs gekoppeld: ${parts.join('; ') || 'niets nieuws'}`;
    }
    case 'bewijs-verwijderd': {
      if (typeof details.vraag === 'number') return `Vraag ${details.vraag} ontkoppeld`;
      const blocker = text('knelpunt');
      return blocker ? `Knelpunt ${cell(blocker)} ontkoppeld` : 'Bewijs ontkoppeld';
    }
    case 'ook-bij-ons': {
      const municipality = text('gemeente');
      return municipality ? `Ook bij ons: ${places[municipality] ?? municipality}` : 'Ook bij ons';
    }
    default:
      return event.naar ? `${event.soort}: ${statusLabel(event.van)} → ${statusLabel(event.naar)}` : event.soort;
  }
}
