import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type EditionSummary = Schemas['EditionSummary'];
/**
 * How far the sending is (GET /nieuwsbrief/edities/{id}, `verzending`): null until sending
 * begins. Declared here until the API types are regenerated with it.
 */
export type Sending = {
  ontvangers: number;
  verzonden: number;
  zonderMail: number;
  nogTeVerzenden: number;
  onbestelbaar: number;
};
export type EditionDetail = Schemas['EditionDetail'] & { verzending?: Sending | null };
export type EditionUpdate = Schemas['EditionUpdate'];
export type EditionStatus = EditionSummary['status'];
export type Section = Schemas['Section'];
export type SectionIn = Schemas['SectionIn'];
export type Item = Schemas['Item'];
export type Preview = Schemas['Preview'];
export type PreviewForm = Preview['vorm'];
