import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];

export type SatisfactionFigures = Schemas['SatisfactionFigures'];
export type Touchpoint = Schemas['LeftOut']['contactpunt'];
export type Grouping = SatisfactionFigures['groepering'];
export type PeriodKind = SatisfactionFigures['periode'];
export type FiguresQuery = NonNullable<operations['tevredenheidCijfersOpvragen']['parameters']['query']>;

export type CodeName = Schemas['CodeName'];
export type ScoreCount = Schemas['ScoreCount'];
export type SectionSource = Schemas['SectionSource'];
export type AnswerFigure = Schemas['AnswerFigure'];
export type ProductFigure = Schemas['ProductFigure'];
export type SurveyFigure = Schemas['SurveyFigure'];
export type SurveyQuestionFigure = Schemas['SurveyQuestionFigure'];

/** One group of a section: its figure over the whole range and per period (the API names one per touchpoint). */
export interface Group<F> {
  groep: CodeName;
  totaal: F;
  trend: (F & { periode: string })[];
}

export interface Section<F> {
  herkomst: SectionSource;
  groepen: Group<F>[];
}

export type LowScoreList = Schemas['LowScoreList'];
export type LowScoreSuggestion = Schemas['LowScoreSuggestion'];
export type SignalKind = Schemas['BlockerKind'];
export type SignalMade = Schemas['SignalMade'];
export type PublicSatisfaction = Schemas['PublicSatisfaction'];
