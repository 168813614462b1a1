import { PHASES } from './labels';
import type { BlockerKind, Cell, CellWrite, Phase } from './types';

/** What the edit form holds: the whole state of one cell, as text the inputs can show. */
export interface CellFormValues {
  fase: Phase;
  geplandLivegang: string;
  /** Per roadmap step: done or not, and the date it was done (YYYY-MM-DD). */
  stappen: Record<string, { gereed: boolean; datum: string }>;
  notitie: string;
  knelpunten: string;
  /** '' when no kind is chosen (also for a blocker written before kinds existed). */
  knelpuntSoort: BlockerKind | '';
}

export const TEXT_MAX = 5000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const FIELD_LABELS = {
  fase: 'Fase',
  geplandLivegang: 'Geplande livegang',
  stappen: 'Stappen gereed',
  notitie: 'Notitie',
  knelpunten: 'Knelpunten',
  knelpuntSoort: 'Soort knelpunt',
} as const;

export type CellField = keyof typeof FIELD_LABELS;

export function formFromCell(cell: Cell): CellFormValues {
  return {
    fase: cell.fase,
    geplandLivegang: cell.geplandLivegang ?? '',
    stappen: Object.fromEntries(
      cell.stappen.map((step) => [step.code, { gereed: step.gereedOp !== null, datum: step.gereedOp ?? '' }]),
    ),
    notitie: cell.notitie ?? '',
    knelpunten: cell.knelpunten ?? '',
    knelpuntSoort: cell.knelpuntSoort ?? '',
  };
}

/** The PUT body: a PUT replaces the whole state, so every field is sent, empty ones as null. */
export function writeFromForm(values: CellFormValues): CellWrite {
  return {
    fase: values.fase,
    geplandLivegang: values.geplandLivegang || null,
    stappenGereed: Object.entries(values.stappen)
      .filter(([, step]) => step.gereed)
      .map(([stap, step]) => ({ stap, gereedOp: step.datum })),
    notitie: values.notitie.trim() || null,
    knelpunten: values.knelpunten.trim() || null,
    knelpuntSoort: values.knelpuntSoort || null,
  };
}

/** The id of a step's date input (the error summary links to it). */
export function stepDateId(code: string): string {
  return `stap-${code}-datum`;
}

/** Checks made before sending; keys are form field names (a step's is `stap-<code>`). */
export function formProblems(values: CellFormValues, stepTitles: Record<string, string>): Record<string, string | null> {
  const problems: Record<string, string | null> = {
    geplandLivegang:
      values.geplandLivegang && !ISO_DATE.test(values.geplandLivegang)
        ? 'Vul een datum in, zoals 2026-12-01.'
        : null,
    notitie: values.notitie.length > TEXT_MAX ? `Gebruik hoogstens ${TEXT_MAX} tekens.` : null,
    knelpunten: values.knelpunten.length > TEXT_MAX ? `Gebruik hoogstens ${TEXT_MAX} tekens.` : null,
    // The API refuses a kind beside no blocker: say so before sending, at the kind.
    knelpuntSoort:
      values.knelpuntSoort && !values.knelpunten.trim()
        ? 'Beschrijf het knelpunt bij Knelpunten, of kies "Geen soort gekozen".'
        : null,
  };
  for (const [code, step] of Object.entries(values.stappen)) {
    if (step.gereed && !ISO_DATE.test(step.datum)) {
      problems[`stap-${code}`] = `Vul de datum in waarop "${stepTitles[code] ?? code}" gereed was.`;
    }
  }
  return problems;
}

const sameSteps = (a: CellFormValues['stappen'], b: CellFormValues['stappen']) => {
  const done = (steps: CellFormValues['stappen']) =>
    JSON.stringify(
      Object.entries(steps)
        .filter(([, step]) => step.gereed)
        .map(([code, step]) => [code, step.datum])
        .sort(),
    );
  return done(a) === done(b);
};

/** The fields in which two states differ, in the form's order (for the conflict notice). */
export function changedFields(a: CellFormValues, b: CellFormValues): CellField[] {
  const fields: CellField[] = [];
  if (a.fase !== b.fase) fields.push('fase');
  if (a.geplandLivegang !== b.geplandLivegang) fields.push('geplandLivegang');
  if (!sameSteps(a.stappen, b.stappen)) fields.push('stappen');
  if (a.notitie.trim() !== b.notitie.trim()) fields.push('notitie');
  if (a.knelpunten.trim() !== b.knelpunten.trim()) fields.push('knelpunten');
  if (a.knelpuntSoort !== b.knelpuntSoort) fields.push('knelpuntSoort');
  return fields;
}

/**
 * The phase in which a step of the default roadmap is done (api/progress/roadmap_template.py):
 * the impact analysis while orienting, the go-live once implemented, the evaluation after. A step
 * an editor added belongs to none, and is never cleared for the user.
 */
export const STEP_PHASES: Readonly<Record<string, Phase>> = {
  impactanalyse: 'orienterend',
  beleid: 'voorbereidend',
  werkproces: 'voorbereidend',
  ict: 'voorbereidend',
  scholing: 'voorbereidend',
  communicatie: 'voorbereidend',
  livegang: 'geimplementeerd',
  evaluatie: 'geevalueerd',
};

/**
 * When the form moves a cell back to an earlier phase than `from`: the steps marked done that
 * belong to a later phase than the new one, in the form's order (the user may clear them at once).
 */
export function laterSteps(values: CellFormValues, from: Phase): string[] {
  const to = PHASES.indexOf(values.fase);
  if (to >= PHASES.indexOf(from)) return [];
  return Object.entries(values.stappen)
    .filter(([code, step]) => {
      const phase = STEP_PHASES[code];
      return step.gereed && phase !== undefined && PHASES.indexOf(phase) > to;
    })
    .map(([code]) => code);
}

/** The form with these steps no longer done. */
export function withoutSteps(values: CellFormValues, codes: readonly string[]): CellFormValues {
  const stappen = { ...values.stappen };
  for (const code of codes) stappen[code] = { gereed: false, datum: '' };
  return { ...values, stappen };
}
