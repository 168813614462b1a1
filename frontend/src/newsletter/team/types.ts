import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type EditionSummary = Schemas['EditionSummary'];
/** How far the sending is (`verzending`): null until sending begins. */
export type Sending = Schemas['Sending'];
export type EditionDetail = Schemas['EditionDetail'];
export type EditionUpdate = Schemas['EditionUpdate'];
export type EditionStatus = EditionSummary['status'];
export type Section = Schemas['Section'];
export type SectionIn = Schemas['SectionIn'];
export type Item = Schemas['Item'];
export type Preview = Schemas['Preview'];
export type PreviewForm = Preview['vorm'];
