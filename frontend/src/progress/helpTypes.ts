/*
 * The help list's and a municipality's activity's shapes, written by hand until the contract is
 * regenerated (the generated HelpNeeded lacks `oorzaken` and `laatsteContact`; the contact
 * moments and the activity are new endpoints). Same names and fields as the API.
 */
import type { HelpNeeded, Phase, TrafficLight } from './types';

export type CauseKind = 'voortgang' | 'ict';

export interface HelpCause {
  soort: CauseKind;
  verkeerslicht: TrafficLight;
  toelichting: string;
}

export interface LastContact {
  datum: string;
  notitie: string;
  door: string | null;
}

export interface ContactMoment extends LastContact {
  vastgelegdOp: string;
}

export interface ContactMomentCreate {
  datum: string;
  notitie: string;
}

export type HelpRow = Omit<HelpNeeded, 'fase'> & {
  fase: Phase;
  oorzaken: HelpCause[];
  laatsteContact: LastContact | null;
};

export interface HelpPage {
  peildatum: string;
  resultaten: HelpRow[];
  paginering: { pagina: number; paginaGrootte: number; totaal: number; aantalPaginas: number };
}

/** The help list's query parameters, as the API takes them. */
export interface HelpQuery {
  provincie?: string;
  arbeidsmarktregio?: string;
  fase?: number;
  maatregel?: string;
  verkeerslicht?: 'te-laat' | 'risico';
  oorzaak?: CauseKind;
  binnenDagen?: number;
  gecontacteerd?: 'ja' | 'nee';
  contactBinnenDagen?: number;
  peildatum?: string;
  /** `urgentie` (the API's default) or `kans`: the forecast's chance of being late first. */
  sorteer?: 'urgentie' | 'kans';
  pagina?: number;
  paginaGrootte?: number;
}

export interface ActivityMeeting {
  id: number;
  titel: string;
  begin: string;
  status: string;
  plaatsen: number;
  wachtlijst: number;
}

export interface ActivityQuestion {
  id: number;
  onderwerp: string;
  status: string;
  ontvangenOp: string;
}

export interface ActivitySignal {
  id: number;
  titel: string;
  soort: string;
  status: string;
  gemeldOp: string;
}

export interface Activity {
  gemeente: { code: string; naam: string };
  contactpersonen: { code: string; naam: string }[];
  komendeBijeenkomsten: ActivityMeeting[];
  afgelopenBijeenkomsten: ActivityMeeting[];
  vragen: ActivityQuestion[];
  vragenTotaal: number;
  signalen: ActivitySignal[];
  signalenTotaal: number;
}
