// until the client is regenerated: the shapes the team's screens use beyond the shared ones in
// ../types (api/meetings/session_schemas.py, reach_schemas.py and schemas.py).

import type { Attendance, Audience, CodeName, HostRole, MeetingKind, PersonRef, Slot } from '../types';

export type {
  Attendance,
  Audience,
  CodeName,
  HostRole,
  MeetingDetail,
  MeetingKind,
  MeetingStatus,
  Places,
  Registration,
  RegistrationList,
  RegistrationStatus,
  Slot,
} from '../types';

export interface HostInput {
  organisatie: string;
  rol: HostRole;
}

export interface MeetingCreate {
  soort: MeetingKind;
  titel: string;
  omschrijving?: string;
  doelgroep?: Audience;
  maatregelen?: string[];
  themas?: string[];
  organisatoren?: HostInput[];
  online?: boolean;
  deelnamelink?: string | null;
  locatie?: string | null;
  adres?: string | null;
  provincie?: string | null;
  arbeidsmarktregio?: string | null;
  begin: string;
  einde: string;
  capaciteit?: number | null;
  aanmeldenTot?: string | null;
  tijdslotMinuten?: number | null;
  organisator?: number | null;
  status?: 'gepland' | 'open';
}

/** Every field optional: what is left out stays. The kind and the slot length stay as made. */
export type MeetingUpdate = Partial<Omit<MeetingCreate, 'soort' | 'tijdslotMinuten'>>;

export interface HistoryItem {
  soort: string;
  /** Who took the step, by name (or "systeem"). */
  door: string;
  op: string;
  gegevens: Record<string, unknown>;
}

export interface SlotList {
  tijdslotMinuten: number | null;
  tijdsloten: Slot[];
}

export interface SlotsCreate {
  begin?: string;
  einde?: string;
  tijdslotMinuten?: number;
}

export interface CheckInRow {
  aanmelding: number;
  naam: string;
  email: string;
  gemeente: CodeName | null;
  organisatie: CodeName | null;
  aanwezigheid: Attendance | null;
}

export interface CheckInList {
  bijeenkomst: number;
  titel: string;
  begin: string;
  aanmeldingen: CheckInRow[];
}

export interface Material {
  product: { id: number; titel: string; soort: string };
  toegevoegdOp: string;
  verstuurdOp: string | null;
}

export interface MeetingQuestion {
  id: number;
  onderwerp: string;
  status: string;
  kanaal: string;
  toegevoegdOp: string;
}

export type InviteCriterion = 'te-laat' | 'risico' | 'beide';

export interface InviteeMunicipality {
  gemeente: CodeName;
  reden: 'te-laat' | 'risico';
  cellen: { maatregel: CodeName; fase: string; verkeerslicht: string }[];
  contactpersonen: PersonRef[];
}

export interface InvitationPreview {
  criterium: InviteCriterion;
  peildatum: string;
  uitnodigenMogelijk: boolean;
  gemeenten: InviteeMunicipality[];
  aantalGemeenten: number;
  aantalContactpersonen: number;
}

export interface InvitationResult {
  uitgenodigd: number;
  gemeenten: number;
}

export interface EffectGroup {
  aantal: number;
  vooruit: number;
  aandeel: number | null;
  teKlein: boolean;
  gemeenten: { gemeente: CodeName; vooruit: boolean }[];
}

export interface Effect {
  maatregelen: CodeName[];
  peildatumBegin: string;
  peildatum: string;
  aanwezig: EffectGroup;
  nietAanwezig: EffectGroup;
  methode: string;
  voorbehoud: string | null;
}

export interface ReachGroup {
  groep: CodeName;
  bijeenkomsten: number;
  aanmeldingen: number;
  aanwezig: number;
  gemeentenBereikt: number;
  bijeenkomstenZonderPresentie: number;
  gemeenten?: number | null;
}

export interface Reach {
  periode: { van: string; tot: string };
  methode: string;
  totaal: ReachGroup;
  perMaatregel: ReachGroup[];
  perSoort: ReachGroup[];
  perProvincie: ReachGroup[];
  perArbeidsmarktregio: ReachGroup[];
  nietBereikt: { code: string; naam: string; provincie: CodeName; arbeidsmarktregio: CodeName; inwoners: number }[];
}



export interface MeetingEvaluation {
  bijeenkomst: { id: number; titel: string; begin: string };
  minimaleGroepsgrootte: number;
  aantalGevraagd: number;
  aantalBeoordeeld: number;
  responspercentage: number | null;
  teWeinigAntwoorden: boolean;
  gemiddelde: number | null;
  verdeling: { score: number; aantal: number }[] | null;
  toelichtingen: string[];
  toelichtingenAfgeschermd: number;
}
