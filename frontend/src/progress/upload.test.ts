import { describe, expect, it } from 'vitest';

import { ApiError } from '../api/problem';
import { changeLines, byText } from './history';
import { correctionText, reportText, rowProblems, splitProblem } from './upload';

describe('the upload report', () => {
  it('splits each problem into its column and message', () => {
    expect(splitProblem("fase: 'klaar' kan niet; kies uit niet-gestart.")).toEqual({
      column: 'fase',
      message: "'klaar' kan niet; kies uit niet-gestart.",
    });
    expect(splitProblem("stap beleid: '1-1' is geen datum (JJJJ-MM-DD).")).toEqual({
      column: 'stappenGereed',
      message: "stap beleid: '1-1' is geen datum (JJJJ-MM-DD).",
    });
    expect(splitProblem("knelpuntSoort: 'weer' kan niet; kies uit wet-en-regelgeving.")).toEqual({
      column: 'knelpuntSoort',
      message: "'weer' kan niet; kies uit wet-en-regelgeving.",
    });
    expect(splitProblem('dubbel: GM0344 M01 staat ook in rij 1.')).toEqual({
      column: null,
      message: 'dubbel: GM0344 M01 staat ook in rij 1.',
    });
  });

  it('lists one entry per problem from the rijFouten of a 400', () => {
    const error = new ApiError(400, 'Ongeldige rijen', '1 van 2 rijen is ongeldig; er is niets gewijzigd.', {
      extensions: {
        rijFouten: [
          { rij: 2, gemeente: 'GM0363', maatregel: 'M16', fouten: ['gemeente: u mag de voortgang van GM0363 niet doorgeven.', "fase: 'x' kan niet."] },
        ],
      },
    });
    expect(rowProblems(error)).toEqual([
      { row: 2, municipality: 'GM0363', measure: 'M16', column: 'gemeente', message: 'u mag de voortgang van GM0363 niet doorgeven.' },
      { row: 2, municipality: 'GM0363', measure: 'M16', column: 'fase', message: "'x' kan niet." },
    ]);
    expect(rowProblems(new ApiError(415, 'Bestand niet leesbaar'))).toEqual([]);
  });

  it('counts the rows to correct in Dutch', () => {
    const problem = (row: number) => ({ row, municipality: 'GM0344', measure: 'M01', column: null, message: 'x' });
    expect(correctionText([problem(2), problem(2)])).toBe('Verbeter de rij hieronder en upload het bestand opnieuw. Deze rij heeft 2 fouten.');
    expect(correctionText([problem(2), problem(3), problem(4)])).toBe(
      'Verbeter de 3 rijen hieronder en upload het bestand opnieuw. Deze rijen hebben 3 fouten.',
    );
    expect(correctionText([problem(5)])).toBe('Verbeter de rij hieronder en upload het bestand opnieuw. Deze rij heeft 1 fout.');
  });

  it('says what an accepted file did, or that a check stored nothing', () => {
    expect(reportText({ rijen: 1, gewijzigd: 1, ongewijzigd: 0, gecontroleerd: false })).toBe('Opgeslagen: 1 rij, 1 gewijzigd, 0 ongewijzigd.');
    expect(reportText({ rijen: 4, gewijzigd: 0, ongewijzigd: 0, gecontroleerd: true })).toBe(
      'Gecontroleerd: 4 rijen, geen fouten. Er is niets opgeslagen.',
    );
  });
});

describe('the history of a cell', () => {
  it('describes each change in Dutch', () => {
    const lines = changeLines(
      {
        wijzigingen: {
          fase: { van: 'orienterend', naar: 'voorbereidend' },
          geplandLivegang: { van: null, naar: '2026-12-15' },
          stappenGereed: { van: { beleid: '2026-06-01' }, naar: { impactanalyse: '2026-05-01' } },
          knelpunten: { van: 'a', naar: null },
          knelpuntSoort: { van: 'financien', naar: null },
        },
      },
      (code) => (code === 'impactanalyse' ? 'Impact analyseren' : code),
    );
    expect(lines).toEqual([
      'Fase: Oriënterend → Voorbereidend',
      'Geplande livegang: geen → 15 december 2026',
      'Stap gereed: Impact analyseren (1 mei 2026)',
      'Stap niet meer gereed: beleid',
      'Knelpunten: leeg',
      'Soort knelpunt: Financiën → geen',
    ]);
    expect(changeLines({ wijzigingen: { knelpuntSoort: { van: null, naar: 'ict-en-leveranciers' } } })).toEqual([
      'Soort knelpunt: geen → ICT en leveranciers',
    ]);
    expect(changeLines({ wijzigingen: {} })).toEqual(['Opnieuw opgeslagen zonder wijzigingen']);
  });

  it('says who changed it, and "U" for the person looking', () => {
    expect(byText('persoon', 'user:7', 'user:7')).toBe('U (gemeente)');
    expect(byText('programma', 'user:2', 'user:7')).toBe('Programmateam');
  });
});
