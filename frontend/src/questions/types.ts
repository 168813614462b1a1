import type { components, operations } from '../api/schema';

export type Question = components['schemas']['QuestionRead'];
export type QuestionSummary = components['schemas']['QuestionSummary'];
export type QuestionPage = components['schemas']['QuestionPage'];
export type QuestionCreate = components['schemas']['QuestionCreate'];
export type QuestionUpdate = components['schemas']['QuestionUpdate'];
export type QuestionStatus = components['schemas']['QuestionStatus'];
type TransitionSchema = components['schemas']['QuestionTransition'];
/** A body as the forms build it: the generator marks a field with a default as required, but
 * contactDelen only matters when a question goes to experts (changeStatus sends false otherwise). */
export type Transition = Omit<TransitionSchema, 'contactDelen'> & Partial<Pick<TransitionSchema, 'contactDelen'>>;
export type Channel = components['schemas']['Channel'];
export type DueState = Question['termijnStatus'];
export type Note = components['schemas']['NoteRead'];
export type QuestionEvent = components['schemas']['EventRead'];
export type Attachment = components['schemas']['AttachmentRead'];
export type Suggestions = components['schemas']['Suggestions'];
export type Workload = components['schemas']['Workload'];
export type Insight = components['schemas']['Insight'];
export type CountRow = components['schemas']['CountRow'];
export type ClusterList = components['schemas']['ClusterList'];
export type FaqProposal = components['schemas']['FaqProposal'];
export type Advisor = components['schemas']['PersonRef'];

export type InboxFilters = NonNullable<operations['vragenOpvragen']['parameters']['query']>;
