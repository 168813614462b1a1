/* The help list's, its contact moments' and a municipality's activity's shapes, from the contract. */
import type { components } from '../api/schema';
import type { HelpFilters } from './types';

type Schemas = components['schemas'];

export type CauseKind = Schemas['CauseKind'];
export type HelpCause = Schemas['HelpCause'];
export type LastContact = Schemas['LastContact'];
export type ContactMoment = Schemas['ContactMomentRead'];
export type ContactMomentCreate = Schemas['ContactMomentCreate'];
export type HelpRow = Schemas['HelpNeeded'];
export type HelpPage = Schemas['HelpList'];

/** The help list's query parameters for a page; the call list's `formaat` is added by its link. */
export type HelpQuery = Omit<HelpFilters, 'formaat'>;

export type ActivityMeeting = Schemas['ActivityMeeting'];
export type ActivityQuestion = Schemas['ActivityQuestion'];
export type ActivitySignal = Schemas['ActivitySignal'];
export type Activity = Schemas['Activity'];
