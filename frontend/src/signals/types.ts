import type { components, operations } from '../api/schema';

type Schemas = components['schemas'];

/** A signal's kind is the same list as a progress blocker's. */
export type SignalKind = Schemas['BlockerKind'];
export type SignalStatus = Schemas['SignalStatus'];
/** Who a signal is passed on to. */
export type Body = Schemas['Body'];
/** What the response changes. */
export type Outcome = Schemas['Outcome'];
export type ReporterKind = Schemas['ReporterKind'];
export type Reach = Schemas['SignalReach'];
export type SignalResponse = Schemas['SignalResponse'];
export type SignalSummary = Schemas['SignalSummary'];
export type SignalRead = Schemas['SignalRead'];
export type SignalPage = Schemas['SignalPage'];
export type PublicSignal = Schemas['PublicSignal'];
export type PublicSignalPage = Schemas['PublicSignalPage'];
export type SignalCreate = Schemas['SignalCreate'];
export type SignalUpdate = Schemas['SignalUpdate'];
export type SignalTransition = Schemas['SignalTransition'];
export type CellRef = Schemas['CellRef'];
export type EvidenceAdded = Schemas['EvidenceAdded'];
export type SignalEvent = Schemas['SignalEventRead'];
export type SteeringReport = Schemas['SteeringReport'];
export type Ages = Schemas['Ages'];
/** A blocker's kind, or `geen` for one without. */
export type KindFilter = Schemas['BlockerKindFilter'];
export type BlockersView = Schemas['BlockersView'];
export type BlockerGroup = Schemas['BlockerGroup'];
export type GroupToSignal = Schemas['GroupToSignal'];
export type ProposalChanges = Schemas['ProposalChanges'];
export type SuggestionList = Schemas['SuggestionList'];
export type SuggestionRead = Schemas['SuggestionRead'];
export type SuggestionThresholds = Schemas['SuggestionThresholds'];

/** The register's query, with the page always named (the list pages send it). */
export type RegisterFilters = NonNullable<operations['signalenOpvragen']['parameters']['query']> & {
  pagina: number;
  paginaGrootte: number;
};

/** The public register's query. */
export type PublicFilters = NonNullable<operations['openbareSignalenOpvragen']['parameters']['query']> & {
  pagina: number;
  paginaGrootte: number;
};

/** The blockers view's query: one measure and one kind, or all. */
export type BlockerQuery = NonNullable<operations['knelpuntenOpvragen']['parameters']['query']>;
