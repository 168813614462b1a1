import { ApiError, type InvalidParam } from '../api/problem';
import { mapErrorToForm, type FormErrors } from '../forms/errors';
import type { Roadmap } from '../progress/types';
import type { RoadmapStepWrite } from './types';

/** One step as the form holds it: numbers and the dependencies as the inputs show them. */
export interface StepForm {
  /** Stable across reordering, for React only. */
  key: string;
  code: string;
  titel: string;
  omschrijving: string;
  startDagen: string;
  eindeDagen: string;
  /** Codes of earlier steps, separated by commas. */
  afhankelijkVan: string;
  raadsbesluit: boolean;
}

export const MAX_STEPS = 30;
const OFFSET_LIMIT = 1500;
const STEP_CODE = /^[a-z0-9-]{2,40}$/;
const WHOLE_NUMBER = /^[-−]?\d+$/;

let made = 0;
const newKey = () => `stap-${(made += 1)}`;

export function formFromRoadmap(roadmap: Roadmap): StepForm[] {
  return [...roadmap.stappen]
    .sort((a, b) => a.volgorde - b.volgorde)
    .map((step) => ({
      key: newKey(),
      code: step.code,
      titel: step.titel,
      omschrijving: step.omschrijving,
      startDagen: String(step.startDagen),
      eindeDagen: String(step.eindeDagen),
      afhankelijkVan: step.afhankelijkVan.join(', '),
      raadsbesluit: step.raadsbesluit,
    }));
}

const number = (text: string) => Number(text.trim().replace('−', '-'));

const codes = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);

/** The PUT body's steps, in the form's order. */
export function writeFromForm(steps: StepForm[]): RoadmapStepWrite[] {
  return steps.map((step) => ({
    code: step.code.trim(),
    titel: step.titel.trim(),
    omschrijving: step.omschrijving.trim(),
    startDagen: number(step.startDagen),
    eindeDagen: number(step.eindeDagen),
    afhankelijkVan: codes(step.afhankelijkVan),
    raadsbesluit: step.raadsbesluit,
  }));
}

export function emptyStep(): StepForm {
  return { key: newKey(), code: '', titel: '', omschrijving: '', startDagen: '', eindeDagen: '', afhankelijkVan: '', raadsbesluit: false };
}

/** The steps with the one at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveStep(steps: StepForm[], index: number, delta: -1 | 1): StepForm[] {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return steps;
  const moved = [...steps];
  const [step] = moved.splice(index, 1);
  if (step) moved.splice(target, 0, step);
  return moved;
}

/** The steps without the one at `index`; other steps no longer depend on it. */
export function removeStep(steps: StepForm[], index: number): StepForm[] {
  const removed = steps[index]?.code.trim();
  return steps
    .filter((_, i) => i !== index)
    .map((step) =>
      removed ? { ...step, afhankelijkVan: codes(step.afhankelijkVan).filter((code) => code !== removed).join(', ') } : step,
    );
}

/** The id of a step's input, by its place and field (the error summary links to it). */
export function fieldId(index: number, field: keyof Omit<StepForm, 'key'>): string {
  return `stap-${index}-${field}`;
}

/** Checks made before asking for a preview; keys are input ids. */
export function formProblems(steps: StepForm[]): Record<string, string | null> {
  const problems: Record<string, string | null> = {};
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    const code = step.code.trim();
    if (!STEP_CODE.test(code)) problems[fieldId(index, 'code')] = 'Gebruik 2 tot 40 kleine letters, cijfers of streepjes.';
    else if (seen.has(code)) problems[fieldId(index, 'code')] = `De code ${code} komt al eerder voor.`;
    seen.add(code);
    const title = step.titel.trim().length;
    if (title < 2 || title > 200) problems[fieldId(index, 'titel')] = 'Geef een titel van 2 tot 200 tekens.';
    for (const field of ['startDagen', 'eindeDagen'] as const) {
      const text = step[field].trim();
      if (!WHOLE_NUMBER.test(text) || Math.abs(number(text)) > OFFSET_LIMIT) {
        problems[fieldId(index, field)] = `Vul een heel aantal dagen in, van −${OFFSET_LIMIT} tot ${OFFSET_LIMIT}.`;
      }
    }
    if (!problems[fieldId(index, 'startDagen')] && !problems[fieldId(index, 'eindeDagen')] && number(step.startDagen) > number(step.eindeDagen)) {
      problems[fieldId(index, 'eindeDagen')] = 'Het uiterste einde ligt vóór de uiterste start.';
    }
  });
  return problems;
}

const API_FIELDS: Record<string, keyof Omit<StepForm, 'key'>> = {
  code: 'code',
  titel: 'titel',
  omschrijving: 'omschrijving',
  startDagen: 'startDagen',
  eindeDagen: 'eindeDagen',
  afhankelijkVan: 'afhankelijkVan',
  raadsbesluit: 'raadsbesluit',
};

/** The input an invalid parameter of the API belongs to, or null for the summary. */
function fieldFor(param: InvalidParam, steps: StepForm[]): string | null {
  const indexed = /^(?:body\.)?stappen\.(\d+)\.([A-Za-z]+)/.exec(param.name);
  if (indexed) {
    const field = API_FIELDS[indexed[2] ?? ''];
    return field ? fieldId(Number(indexed[1]), field) : null;
  }
  const named = /Stap '([a-z0-9-]+)'/.exec(param.reason);
  const index = named ? steps.findIndex((step) => step.code.trim() === named[1]) : -1;
  if (index < 0) return null;
  if (param.code === 'start_after_finish') return fieldId(index, 'eindeDagen');
  if (param.code === 'unknown_dependency') return fieldId(index, 'afhankelijkVan');
  return null;
}

/**
 * The API's refusal, at the fields: `stappen.2.titel` is the third step's title; a problem the
 * API names by the step's code ("Stap 'ict' begint na haar einde.") goes to that step's dates or
 * dependencies; the rest (duplicate codes, a circle of dependencies) to the summary.
 */
export function errorsFromApi(error: unknown, steps: StepForm[]): FormErrors {
  if (!(error instanceof ApiError) || error.invalidParams.length === 0) return mapErrorToForm(error, []);
  const errors: FormErrors = { fields: {}, general: [] };
  for (const param of error.invalidParams) {
    const field = fieldFor(param, steps);
    const list = field === null ? errors.general : (errors.fields[field] ??= []);
    if (!list.includes(param.reason)) list.push(param.reason);
  }
  return errors;
}

/** The date that lies `days` days from `isoDate` (YYYY-MM-DD), or null for no whole number. */
export function offsetDate(isoDate: string, days: string): string | null {
  const text = days.trim();
  if (!WHOLE_NUMBER.test(text)) return null;
  const moment = new Date(`${isoDate}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + number(text));
  return moment.toISOString().slice(0, 10);
}
