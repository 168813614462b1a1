// until the client is regenerated: the shapes of the satisfaction figures, as the API describes them.
import type { Provenance } from '../../shared/Provenance';

export type Touchpoint = 'antwoorden' | 'producten' | 'peiling';
export type Grouping = 'land' | 'maatregel' | 'thema' | 'fase' | 'provincie' | 'arbeidsmarktregio' | 'adviseur';
export type PeriodKind = 'maand' | 'kwartaal';

export interface CodeName {
  code: string;
  naam: string;
}

export interface Withheld {
  teWeinigAntwoorden: boolean;
  toelichting: string | null;
}

export interface ScoreCount {
  score: number;
  aantal: number;
}

export interface AnswerFigure extends Withheld {
  aantalGevraagd: number | null;
  aantalBeoordeeld: number | null;
  responspercentage: number | null;
  gemiddelde: number | null;
  verdeling: ScoreCount[] | null;
}

export interface ProductFigure extends Withheld {
  aantalStemmen: number | null;
  aantalNuttig: number | null;
  aandeelNuttig: number | null;
}

export interface SurveyQuestionFigure extends Withheld {
  vraag: { id: number; tekst: string; contactpunt: string };
  aantal: number | null;
  gemiddelde: number | null;
  verdeling: ScoreCount[] | null;
}

export interface SurveyFigure extends Withheld {
  aantalUitgenodigd: number | null;
  aantalBeantwoord: number | null;
  responspercentage: number | null;
  vragen: SurveyQuestionFigure[];
}

export interface Group<F> {
  groep: CodeName;
  totaal: F;
  trend: (F & { periode: string })[];
}

export interface SectionSource {
  bron: string;
  peilmoment: string | null;
  berekendOp: string;
  versie: string;
  csv: string;
}

export interface Section<F> {
  herkomst: SectionSource;
  groepen: Group<F>[];
}

export interface SatisfactionFigures {
  groepering: Grouping;
  periode: PeriodKind;
  van: string;
  tot: string;
  adviseur: number | null;
  minimaleGroepsgrootte: number;
  perioden: { code: string; van: string; tot: string }[];
  antwoorden: Section<AnswerFigure> | null;
  producten: Section<ProductFigure> | null;
  peiling: Section<SurveyFigure> | null;
  nietGetoond: { contactpunt: Touchpoint; reden: string }[];
}

export interface FiguresQuery {
  contactpunt?: Touchpoint;
  groep?: Grouping;
  periode?: PeriodKind;
  van?: string;
  tot?: string;
  maatregel?: string;
  adviseur?: string;
}

export interface LowScoreSuggestion {
  sleutel: string;
  maatregel: CodeName;
  gemiddelde: number;
  aantalBeoordeeld: number;
  van: string;
  tot: string;
  vragen: { id: number; onderwerp: string; score: number; beoordeeldOp: string }[];
  voorstel: { titel: string; omschrijving: string; maatregelen: string[]; themas: string[] };
}

export interface LowScoreList {
  drempels: { gemiddeldeHoogstens: number; minimaalBeoordeeld: number; dagen: number };
  resultaten: LowScoreSuggestion[];
}

export interface SignalMade {
  id: number;
  titel: string;
  status: string;
  aantalVragen: number;
}

export interface PublicSatisfaction {
  peildatum: string;
  minimaleGroepsgrootte: number;
  peiling: {
    periode: string;
    titel: string;
    vraag: string;
    teWeinigAntwoorden: boolean;
    aantal: number | null;
    gemiddelde: number | null;
    responspercentage: number | null;
  }[];
  antwoorden: {
    periode: string;
    van: string;
    tot: string;
    teWeinigAntwoorden: boolean;
    aantalBeoordeeld: number | null;
    gemiddelde: number | null;
  }[];
  versie: string;
  berekendOp: string;
  herkomst: Provenance;
}
