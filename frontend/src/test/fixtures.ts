import type { Measure, Wave } from '../measures/types';

export function makeWave(nummer: number, overrides: Partial<Wave> = {}): Wave {
  return {
    nummer,
    naam: `Fase ${nummer}`,
    ingangsdatum: '2026-01-01',
    toepasbaarVanaf: '2026-01-01',
    productenGereedOp: '2025-12-31',
    toelichting: `Toelichting bij fase ${nummer}.`,
    aantalMaatregelen: 0,
    doel: null,
    versie: 1,
    _links: { self: { href: `/api/v1/fasen/${nummer}` } },
    ...overrides,
  };
}

export function makeMeasure(
  code: string,
  wave: Pick<Wave, 'nummer' | 'naam'>,
  overrides: Partial<Measure> = {},
): Measure {
  return {
    code,
    titel: `Maatregel ${code}`,
    samenvatting: `Samenvatting van ${code}.`,
    artikelen: [],
    fase: { nummer: wave.nummer, naam: wave.naam },
    thema: { code: 'aanvraagprocedure', naam: 'Aanvraagprocedure' },
    ingangsdatum: '2026-01-01',
    toepasbaarVanaf: '2026-01-01',
    verplichting: 'verplicht',
    impactgebieden: [],
    betrouwbaarheid: 'wet',
    bronnen: [],
    versie: 1,
    _links: { self: { href: `/api/v1/maatregelen/${code}` } },
    ...overrides,
  };
}
