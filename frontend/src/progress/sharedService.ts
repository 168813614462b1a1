import type { components } from '../api/schema';
import { PHASES } from './labels';
import type { Cell, Phase } from './types';

export type SharedServiceReport = components['schemas']['SharedServiceReport'];

export interface Member {
  code: string;
  naam: string;
}

export interface SideBySideRow {
  maatregel: { code: string; naam: string };
  /** One per member, in the members' order; undefined while a member's progress is loading. */
  cells: (Cell | undefined)[];
}

/** The members' cells side by side: one row per measure, in the order the API lists them. */
export function sideBySide(progress: (Cell[] | undefined)[]): SideBySideRow[] {
  const measures = new Map<string, { code: string; naam: string }>();
  for (const cells of progress) for (const cell of cells ?? []) measures.set(cell.maatregel.code, cell.maatregel);
  return [...measures.values()].map((maatregel) => ({
    maatregel,
    cells: progress.map((cells) => cells?.find((cell) => cell.maatregel.code === maatregel.code)),
  }));
}

/** Whether `reported` would move a member back from the phase it has. */
export function goesBack(current: Phase | undefined, reported: Phase): boolean {
  return current !== undefined && PHASES.indexOf(current) > PHASES.indexOf(reported);
}

export interface ReportForm {
  maatregel: string;
  fase: Phase;
  /** Steps done on `gereedOp`; none: every member keeps its own steps. */
  stappen: string[];
  gereedOp: string;
  /** The members ticked one by one: the report is for all of them, so all must be. */
  bevestigd: string[];
}

/** What is wrong with the form, by field; empty when it may be sent. */
export function reportProblems(form: ReportForm, members: Member[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!form.maatregel) problems.maatregel = ['Kies een maatregel.'];
  const missing = members.filter((member) => !form.bevestigd.includes(member.code));
  if (missing.length)
    problems.bevestigd = [
      `Vink elke gemeente aan: de stand geldt voor alle gemeenten. Nog niet aangevinkt: ${missing.map((m) => m.naam).join(', ')}.`,
    ];
  if (form.stappen.length && !/^\d{4}-\d{2}-\d{2}$/.test(form.gereedOp))
    problems.gereedOp = ['Vul de datum in waarop de stappen gereed waren.'];
  return problems;
}

/**
 * The request of the form: one state for every member, confirming by name each member that goes
 * back a phase (the API refuses those without it). Steps are left out when none is ticked.
 */
export function reportBody(form: ReportForm, current: Record<string, Phase | undefined>): SharedServiceReport {
  const body: SharedServiceReport = { maatregel: form.maatregel, fase: form.fase };
  if (form.stappen.length) body.stappenGereed = form.stappen.map((stap) => ({ stap, gereedOp: form.gereedOp }));
  const back = form.bevestigd.filter((code) => goesBack(current[code], form.fase));
  if (back.length) body.terugzettenBevestigd = back;
  return body;
}

export interface MemberResult {
  member: Member;
  before: Phase | undefined;
  after: Phase | undefined;
  changed: boolean;
}

/** Per member: the phase before and after the report, and whether its cell changed (its version moved). */
export function memberResults(
  members: Member[],
  before: Record<string, Cell | undefined>,
  after: Record<string, Cell | undefined>,
): MemberResult[] {
  return members.map((member) => {
    const was = before[member.code];
    const is = after[member.code];
    return {
      member,
      before: was?.fase,
      after: is?.fase,
      changed: was !== undefined && is !== undefined && is.versie !== was.versie,
    };
  });
}
