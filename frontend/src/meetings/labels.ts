import type { Attendance, Audience, MeetingKind, MeetingStatus, RegistrationStatus } from './types';

export const KIND_LABELS: Record<MeetingKind, string> = {
  werksessie: 'Werksessie',
  spreekuur: 'Spreekuur',
  webinar: 'Webinar',
  training: 'Training',
  regiobijeenkomst: 'Regiobijeenkomst',
  'presentatie-elders': 'Presentatie elders',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  gemeenten: 'Contactpersonen van gemeenten',
  ketenpartners: 'Ketenpartners',
  iedereen: 'Iedereen',
};

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  gepland: 'Aanmelden nog niet open',
  open: 'Aanmelden open',
  vol: 'Vol – wachtlijst',
  geannuleerd: 'Geannuleerd',
  afgelopen: 'Afgelopen',
};

export const REGISTRATION_LABELS: Record<RegistrationStatus, string> = {
  aangemeld: 'Aangemeld',
  wachtlijst: 'Op de wachtlijst',
  afgemeld: 'Afgemeld',
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  aanwezig: 'Aanwezig',
  afwezig: 'Afwezig',
  'laat-afgemeld': 'Laat afgemeld',
};

export const KINDS = Object.keys(KIND_LABELS) as MeetingKind[];

export function isKind(value: string | null): value is MeetingKind {
  return value !== null && value in KIND_LABELS;
}
