import type { CellRef, EvidenceAdded, SignalRead } from './types';

/**
 * Question numbers as typed ("12, 15 20"): the numbers, or the first piece that is none.
 * Empty input is no numbers.
 */
export function parseQuestionNumbers(text: string): { numbers: number[]; problem: string | null } {
  const pieces = text.split(/[\s,;]+/).filter(Boolean);
  const numbers: number[] = [];
  for (const piece of pieces) {
    const number = Number(piece.replace(/^#/, ''));
    if (!Number.isInteger(number) || number < 1 || number > 2147483647) {
      return { numbers: [], problem: `'${piece}' is geen vraagnummer. Vul nummers in, gescheiden door komma's.` };
    }
    if (!numbers.includes(number)) numbers.push(number);
  }
  return { numbers, problem: null };
}

/** A candidate question for the picker: found by its text, or listed by its measure. */
export interface Candidate {
  id: number;
  onderwerp: string;
  status: string;
}

/** The candidates of several searches once each, in the order found, without what is linked already. */
export function mergeCandidates(linked: readonly number[], ...lists: Candidate[][]): Candidate[] {
  const seen = new Set(linked);
  const merged: Candidate[] = [];
  for (const list of lists) {
    for (const candidate of list) {
      if (seen.has(candidate.id)) continue;
      seen.add(candidate.id);
      merged.push(candidate);
    }
  }
  return merged;
}

/** "2 vragen en 1 knelpunt gekoppeld."; says so when everything was linked already. */
export function addedText(added: EvidenceAdded): string {
  const parts = [
    added.vragen > 0 ? `${added.vragen} ${added.vragen === 1 ? 'vraag' : 'vragen'}` : null,
    added.knelpunten > 0 ? `${added.knelpunten} ${added.knelpunten === 1 ? 'knelpunt' : 'knelpunten'}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' en ')} gekoppeld.` : 'Dat was al gekoppeld; er is niets veranderd.';
}

/** A cell as one string ("GM0344/M05"), to compare and to key rows by. */
export function cellKey(cell: CellRef): string {
  return `${cell.gemeente}/${cell.maatregel}`;
}

/** The cells whose blockers a signal already counts. */
export function linkedCells(signal: Pick<SignalRead, 'knelpunten'>): Set<string> {
  return new Set(signal.knelpunten.map((blocker) => cellKey({ gemeente: blocker.gemeente.code, maatregel: blocker.maatregel })));
}

interface Place {
  code: string;
  naam: string;
}

/**
 * "Ook bij ons" from one contact's view: which of her municipalities reported the signal, which
 * said already that it applies to them too, and for which she may still say so (once each).
 */
export function supportState(
  signal: { gemeente: Place | null; ookBij: { gemeente: Place; op: string }[] },
  mine: readonly Place[],
): { reported: Place | null; given: { gemeente: Place; op: string }[]; open: Place[] } {
  const codes = new Set(mine.map((municipality) => municipality.code));
  const reported = signal.gemeente && codes.has(signal.gemeente.code) ? signal.gemeente : null;
  const given = signal.ookBij.filter((support) => codes.has(support.gemeente.code));
  const taken = new Set([signal.gemeente?.code, ...signal.ookBij.map((support) => support.gemeente.code)]);
  return { reported, given, open: mine.filter((municipality) => !taken.has(municipality.code)) };
}

/** The cells of a group's blockers that the signal does not count yet. */
export function newCells(blockers: { gemeente: Place; maatregel: Place }[], linked: Set<string>): CellRef[] {
  const cells = blockers.map((blocker) => ({ gemeente: blocker.gemeente.code, maatregel: blocker.maatregel.code }));
  return cells.filter((cell, index) => !linked.has(cellKey(cell)) && cells.findIndex((other) => cellKey(other) === cellKey(cell)) === index);
}

/** "Utrecht, Zeist, Houten en 4 andere": a few names, and how many more. */
export function namesText(names: string[], shown = 3): string {
  const unique = [...new Set(names)];
  if (unique.length <= shown) {
    return unique.length > 1 ? `${unique.slice(0, -1).join(', ')} en ${unique.at(-1) ?? ''}` : (unique[0] ?? '');
  }
  const rest = unique.length - shown;
  return `${unique.slice(0, shown).join(', ')} en ${rest} andere`;
}
