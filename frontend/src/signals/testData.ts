import type { SignalRead } from './types';

export const UTRECHT = { code: 'GM0344', naam: 'Utrecht' };
export const ZEIST = { code: 'GM0355', naam: 'Zeist' };
export const HOUTEN = { code: 'GM0321', naam: 'Houten' };

/** A signal of Utrecht in progress, as the API answers it to the team; change what a test needs. */
export function makeSignal(overrides: Partial<SignalRead> = {}): SignalRead {
  return {
    id: 12,
    titel: 'Koppeling met de RDW ontbreekt',
    soort: 'ict-en-leveranciers',
    status: 'in-behandeling',
    maatregelen: [{ code: 'M05', naam: 'Vermogenstoets' }],
    openbaar: false,
    melderSoort: 'gemeente',
    gemeente: UTRECHT,
    bereik: { gemeenten: 1, inwoners: 361_000 },
    doorgezetAan: null,
    leverancier: null,
    aangemaaktOp: '2026-11-02T09:00:00Z',
    leeftijdDagen: 34,
    omschrijving: 'Het pakket haalt het kenteken niet op, dus toetsen wij het vermogen met de hand.',
    themas: [],
    melder: { id: 7, naam: 'Ulla Utrecht' },
    doorgezet: null,
    reactie: null,
    redenAfwijzing: null,
    vragen: [],
    knelpunten: [],
    ookBij: [],
    versie: 3,
    ...overrides,
  };
}
