import { describe, expect, it } from 'vitest';

import { addedText, cellKey, linkedCells, mergeCandidates, namesText, newCells, parseQuestionNumbers, supportState } from './evidence';
import { blockerQueryFrom, isFiltered, publicFiltersFrom, registerFiltersFrom, targetSignalFrom } from './filters';
import { eventText, reachText, statusLabel } from './labels';
import { actionLabel, fieldsFor, nextSteps, TRANSITIONS, transitionBody, transitionProblems } from './lifecycle';
import { blockersLink } from './paths';
import { withFilter } from '../shared/QuickFilters';
import { agesText, periodProblem, quarter, reportQueryFrom, yearOf } from './report';
import { createBody, EMPTY_SIGNAL, signalProblems, updateBody, valuesOf } from './signalForm';
import { HOUTEN, makeSignal, UTRECHT, ZEIST } from './testData';

describe('the register filters in the URL', () => {
  it('reads what the API takes and leaves out what it would refuse', () => {
    const params = new URLSearchParams(
      'soort=financien&maatregel=M05&status=doorgezet&aan=spoor-2&ouderDanDagen=30&open=true&zoek=rdw&pagina=3',
    );
    expect(registerFiltersFrom(params)).toEqual({
      soort: 'financien',
      maatregel: 'M05',
      status: 'doorgezet',
      aan: 'spoor-2',
      ouderDanDagen: 30,
      open: true,
      zoek: 'rdw',
      pagina: 3,
      paginaGrootte: 25,
    });
    const nonsense = new URLSearchParams('soort=alles&maatregel=5&status=klaar&aan=koning&ouderDanDagen=-1&open=ja&zoek=x&pagina=nul');
    expect(registerFiltersFrom(nonsense)).toEqual({ pagina: 1, paginaGrootte: 25 });
    expect(registerFiltersFrom(new URLSearchParams('ouderDanDagen=9999'))).toEqual({ pagina: 1, paginaGrootte: 25 });
  });

  it('knows when a list is narrowed, and a quick filter goes back to page 1', () => {
    expect(isFiltered(registerFiltersFrom(new URLSearchParams('pagina=2')))).toBe(false);
    expect(isFiltered(registerFiltersFrom(new URLSearchParams('open=true')))).toBe(true);
    const params = new URLSearchParams('status=gemeld&pagina=4');
    expect(withFilter(params, 'open', 'true')).toBe('status=gemeld&open=true');
    expect(withFilter(params, 'status', null)).toBe('');
  });

  it('gives the public register only kind, measure and status', () => {
    expect(publicFiltersFrom(new URLSearchParams('soort=ketenpartners&aan=spoor-2&open=true'))).toEqual({
      soort: 'ketenpartners',
      pagina: 1,
      paginaGrootte: 25,
    });
  });

  it('reads the blockers view: a kind, none ("geen"), and the signal it adds to', () => {
    expect(blockerQueryFrom(new URLSearchParams('maatregel=M01&soort=geen'))).toEqual({ maatregel: 'M01', soort: 'geen' });
    expect(blockerQueryFrom(new URLSearchParams('maatregel=M1&soort=allerlei'))).toEqual({});
    expect(targetSignalFrom(new URLSearchParams('signaal=12'))).toBe(12);
    expect(targetSignalFrom(new URLSearchParams('signaal=0'))).toBeNull();
    expect(targetSignalFrom(new URLSearchParams('signaal=12a'))).toBeNull();
    expect(blockersLink({ id: 12, maatregelen: [{ code: 'M05' }] })).toBe('/signalen/knelpunten?signaal=12&maatregel=M05');
  });
});

describe('the loop', () => {
  it('offers the moves the API allows, and none after the feedback', () => {
    expect(nextSteps('gemeld')).toEqual(['in-behandeling', 'afgewezen']);
    expect(nextSteps('doorgezet')).toEqual(['doorgezet', 'reactie-ontvangen', 'afgewezen']);
    expect(nextSteps('reactie-ontvangen')).toEqual(['teruggekoppeld']);
    expect(nextSteps('teruggekoppeld')).toEqual([]);
    expect(nextSteps('afgewezen')).toEqual(['in-behandeling']);
    // A response cannot be rejected any more: its municipalities are told instead.
    expect(TRANSITIONS['reactie-ontvangen']).not.toContain('afgewezen');
    expect(actionLabel('doorgezet', 'doorgezet')).toBe('Opnieuw doorzetten');
    expect(actionLabel('afgewezen', 'in-behandeling')).toBe('Weer in behandeling nemen');
  });

  it('asks each move for its own fields', () => {
    expect(fieldsFor('doorgezet')).toEqual(['aan', 'tekst']);
    expect(fieldsFor('reactie-ontvangen')).toEqual(['tekst', 'uitkomst', 'toelichting']);
    expect(fieldsFor('afgewezen')).toEqual(['tekst']);
    expect(fieldsFor('teruggekoppeld')).toEqual([]);
  });

  it('checks what the API requires before sending', () => {
    const empty = { aan: '', tekst: '', uitkomst: '', toelichting: '' } as const;
    expect(transitionProblems('doorgezet', empty)).toMatchObject({
      aan: 'Aan wie is het signaal doorgezet?',
      tekst: 'Met welke tekst is het doorgezet?',
    });
    expect(transitionProblems('reactie-ontvangen', { ...empty, tekst: 'Ja' })).toMatchObject({
      tekst: 'Gebruik minstens 3 tekens.',
      uitkomst: 'Wat verandert er door de reactie?',
    });
    expect(transitionProblems('reactie-ontvangen', { ...empty, tekst: 'Geen wijziging', uitkomst: 'geen' }).toelichting).toBe(
      'Waarom verandert er niets? Licht dat toe.',
    );
    expect(transitionProblems('reactie-ontvangen', { ...empty, tekst: 'Een handreiking', uitkomst: 'handreiking' })).toEqual({
      aan: null,
      tekst: null,
      uitkomst: null,
      toelichting: null,
    });
    expect(transitionProblems('afgewezen', empty).tekst).toBe('Waarom is het signaal afgewezen?');
    expect(Object.values(transitionProblems('in-behandeling', empty)).every((problem) => problem === null)).toBe(true);
  });

  it('sends only the fields of the move, trimmed', () => {
    const values = { aan: 'spoor-2', tekst: '  Doorgegeven aan spoor 2  ', uitkomst: 'geen', toelichting: ' ' } as const;
    expect(transitionBody('doorgezet', values)).toEqual({ naar: 'doorgezet', aan: 'spoor-2', tekst: 'Doorgegeven aan spoor 2' });
    expect(transitionBody('reactie-ontvangen', values)).toEqual({ naar: 'reactie-ontvangen', tekst: 'Doorgegeven aan spoor 2', uitkomst: 'geen' });
    expect(transitionBody('teruggekoppeld', values)).toEqual({ naar: 'teruggekoppeld' });
  });
});

describe('the words', () => {
  it('tells each step of the history in Dutch', () => {
    expect(eventText({ soort: 'gemeld', van: null, naar: null, details: { soort: 'gemeente' } })).toBe('Signaal gemeld');
    expect(eventText({ soort: 'status', van: 'in-behandeling', naar: 'doorgezet', details: { aan: 'spoor-2', tekst: 'x' } })).toBe(
      'Status: In behandeling → Doorgezet, aan Spoor 2 (herziening van de wet)',
    );
    expect(eventText({ soort: 'status', van: 'doorgezet', naar: 'reactie-ontvangen', details: { uitkomst: 'handreiking' } })).toBe(
      'Status: Doorgezet → Reactie ontvangen; verandert: een handreiking',
    );
    expect(eventText({ soort: 'status', van: 'gemeld', naar: 'afgewezen', details: { reden: 'Dubbel' } })).toBe(
      'Status: Gemeld → Afgewezen (Dubbel)',
    );
    expect(eventText({ soort: 'bewijs-toegevoegd', van: null, naar: null, details: { vragen: [4, 9], knelpunten: ['GM0344/M05'] } })).toBe(
      'Bewijs gekoppeld: vragen 4, 9; knelpunt GM0344/M05',
    );
    expect(eventText({ soort: 'bewijs-verwijderd', van: null, naar: null, details: { vraag: 4 } })).toBe('Vraag 4 ontkoppeld');
    expect(eventText({ soort: 'gewijzigd', van: null, naar: null, details: { openbaar: true } })).toBe('Openbaar gemaakt');
    expect(eventText({ soort: 'ook-bij-ons', van: null, naar: null, details: { gemeente: 'GM0355' } })).toBe('Ook bij ons: GM0355');
    // Municipalities the signal names are called by name.
    const places = { GM0355: 'Zeist', GM0344: 'Utrecht' };
    expect(eventText({ soort: 'ook-bij-ons', van: null, naar: null, details: { gemeente: 'GM0355' } }, places)).toBe('Ook bij ons: Zeist');
    expect(eventText({ soort: 'bewijs-verwijderd', van: null, naar: null, details: { knelpunt: 'GM0344/M05' } }, places)).toBe(
      'Knelpunt Utrecht bij M05 ontkoppeld',
    );
    expect(eventText({ soort: 'iets-nieuws', van: null, naar: null, details: {} })).toBe('iets-nieuws');
  });

  it('says the reach, and shows a status it does not know as it comes', () => {
    expect(reachText({ gemeenten: 0, inwoners: 0 })).toBe('Nog geen gemeenten');
    expect(reachText({ gemeenten: 1, inwoners: 361000 })).toBe('1 gemeente, 361.000 inwoners');
    expect(reachText({ gemeenten: 3, inwoners: 1234567 })).toBe('3 gemeenten, 1.234.567 inwoners');
    expect(statusLabel('gepauzeerd')).toBe('gepauzeerd');
  });
});

describe('the signal forms', () => {
  it('checks title, description and kind as the API does, and the municipality when she must choose', () => {
    expect(signalProblems(EMPTY_SIGNAL, true)).toEqual({
      titel: 'Geef het signaal een titel.',
      omschrijving: 'Beschrijf wat er niet werkt, of wat beter kan.',
      soort: 'Kies de soort knelpunt.',
      gemeente: 'Namens welke gemeente meldt u dit?',
    });
    expect(signalProblems({ ...EMPTY_SIGNAL, titel: 'RDW', omschrijving: 'Te kort', soort: 'financien' })).toMatchObject({
      titel: 'Gebruik minstens 5 tekens.',
      omschrijving: 'Gebruik minstens 10 tekens.',
      soort: null,
      gemeente: null,
    });
  });

  it('sends a new signal trimmed, with the municipality only when chosen', () => {
    const values = { ...EMPTY_SIGNAL, titel: ' Koppeling RDW ', omschrijving: ' Het kenteken ontbreekt. ', soort: 'ict-en-leveranciers' as const };
    expect(createBody(values)).toEqual({
      titel: 'Koppeling RDW',
      omschrijving: 'Het kenteken ontbreekt.',
      soort: 'ict-en-leveranciers',
      maatregelen: [],
      themas: [],
    });
    expect(createBody({ ...values, gemeente: 'GM0355' }).gemeente).toBe('GM0355');
    expect(createBody({ ...values, leverancier: 'demo-tulpdata' }).leverancier).toBe('demo-tulpdata');
    // Only a signal about ICT names a supplier.
    expect(createBody({ ...values, soort: 'financien', leverancier: 'demo-tulpdata' })).not.toHaveProperty('leverancier');
  });

  it('sends a changed supplier of a signal about ICT, and none for another kind', () => {
    const current = makeSignal({ leverancier: { code: 'demo-rekenwerk', naam: 'Rekenwerk Software (demo)' } });
    const same = valuesOf(current);
    expect(same.leverancier).toBe('demo-rekenwerk');
    expect(updateBody(current, same, false)).toEqual({});
    expect(updateBody(current, { ...same, leverancier: 'demo-tulpdata' }, false)).toEqual({ leverancier: 'demo-tulpdata' });
    expect(updateBody(current, { ...same, leverancier: '' }, false)).toEqual({ leverancier: null });
    // Another kind: the server drops the supplier itself.
    expect(updateBody(current, { ...same, soort: 'financien' }, false)).toEqual({ soort: 'financien' });
    const filters = registerFiltersFrom(new URLSearchParams('leverancier=demo-rekenwerk&soort=ict-en-leveranciers'));
    expect(filters.leverancier).toBe('demo-rekenwerk');
    expect(registerFiltersFrom(new URLSearchParams('leverancier=Geen Code!')).leverancier).toBeUndefined();
    const changed = { soort: 'gewijzigd', van: null, naar: null };
    expect(eventText({ ...changed, details: { leverancier: 'demo-tulpdata' } })).toBe('Leverancier: demo-tulpdata');
    expect(eventText({ ...changed, details: { leverancier: null } })).toBe('Leverancier weggehaald');
  });

  it('sends an edit with only what changed, so an unchanged public text is not checked again', () => {
    const current = makeSignal({ openbaar: true, themas: ['werk'] });
    const same = valuesOf(current);
    expect(updateBody(current, same, true)).toEqual({});
    expect(updateBody(current, { ...same, maatregelen: ['M05'], themas: ['werk'] }, true)).toEqual({});
    expect(updateBody(current, { ...same, titel: 'Nieuwe titel', maatregelen: ['M05', 'M01'] }, false)).toEqual({
      titel: 'Nieuwe titel',
      maatregelen: ['M05', 'M01'],
      openbaar: false,
    });
  });
});

describe('linking evidence', () => {
  it('reads question numbers, and says which piece is none', () => {
    expect(parseQuestionNumbers('12, 15 20;12')).toEqual({ numbers: [12, 15, 20], problem: null });
    expect(parseQuestionNumbers('  ')).toEqual({ numbers: [], problem: null });
    expect(parseQuestionNumbers('#7')).toEqual({ numbers: [7], problem: null });
    expect(parseQuestionNumbers('12, twaalf').problem).toBe("'twaalf' is geen vraagnummer. Vul nummers in, gescheiden door komma's.");
    expect(parseQuestionNumbers('0').problem).not.toBeNull();
  });

  it('offers each candidate question once, without those linked already', () => {
    const a = { id: 1, onderwerp: 'A', status: 'nieuw' };
    const b = { id: 2, onderwerp: 'B', status: 'beantwoord' };
    const c = { id: 3, onderwerp: 'C', status: 'toegewezen' };
    expect(mergeCandidates([2], [a, b], [b, c, a]).map((candidate) => candidate.id)).toEqual([1, 3]);
  });

  it('links only the cells not linked yet, each once', () => {
    const current = makeSignal({ knelpunten: [{ gemeente: UTRECHT, maatregel: 'M05', tekst: 'x', knelpuntSoort: null }] });
    const linked = linkedCells(current);
    expect([...linked]).toEqual(['GM0344/M05']);
    const m05 = { code: 'M05', naam: 'Vermogenstoets' };
    expect(
      newCells(
        [
          { gemeente: UTRECHT, maatregel: m05 },
          { gemeente: ZEIST, maatregel: m05 },
          { gemeente: ZEIST, maatregel: m05 },
        ],
        linked,
      ),
    ).toEqual([{ gemeente: 'GM0355', maatregel: 'M05' }]);
    expect(cellKey({ gemeente: 'GM0355', maatregel: 'M05' })).toBe('GM0355/M05');
  });

  it('says what was linked', () => {
    expect(addedText({ vragen: 2, knelpunten: 1 })).toBe('2 vragen en 1 knelpunt gekoppeld.');
    expect(addedText({ vragen: 1, knelpunten: 0 })).toBe('1 vraag gekoppeld.');
    expect(addedText({ vragen: 0, knelpunten: 0 })).toBe('Dat was al gekoppeld; er is niets veranderd.');
    expect(namesText(['Utrecht'])).toBe('Utrecht');
    expect(namesText(['Utrecht', 'Zeist', 'Utrecht'])).toBe('Utrecht en Zeist');
    expect(namesText(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C en 2 andere');
  });
});

describe('"ook bij ons"', () => {
  it('lets a contact say it once per municipality, never for the one that reported it', () => {
    const reportedByUtrecht = makeSignal({ ookBij: [{ gemeente: ZEIST, toelichting: null, op: '2026-11-20T10:00:00Z' }] });
    expect(supportState(reportedByUtrecht, [UTRECHT])).toEqual({ reported: UTRECHT, given: [], open: [] });
    expect(supportState(reportedByUtrecht, [ZEIST, HOUTEN])).toEqual({
      reported: null,
      given: [{ gemeente: ZEIST, toelichting: null, op: '2026-11-20T10:00:00Z' }],
      open: [HOUTEN],
    });
    expect(supportState(makeSignal({ gemeente: null }), [HOUTEN]).open).toEqual([HOUTEN]);
  });
});

describe('the steering report', () => {
  it('reads days that exist from the URL, and leaves the rest to the API', () => {
    expect(reportQueryFrom(new URLSearchParams('van=2026-10-01&tot=2026-12-31'))).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
    expect(reportQueryFrom(new URLSearchParams('van=2026-02-30&tot=morgen'))).toEqual({});
  });

  it('knows the quarters and the year', () => {
    const today = new Date(2026, 11, 6);
    expect(quarter(today)).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
    expect(quarter(today, -1)).toEqual({ van: '2026-07-01', tot: '2026-09-30' });
    expect(quarter(new Date(2026, 1, 10), -1)).toEqual({ van: '2025-10-01', tot: '2025-12-31' });
    expect(quarter(new Date(2028, 0, 5))).toEqual({ van: '2028-01-01', tot: '2028-03-31' });
    expect(yearOf(today)).toEqual({ van: '2026-01-01', tot: '2026-12-31' });
  });

  it('words ages and refuses an end before the start', () => {
    expect(agesText({ aantal: 3, mediaanDagen: 4.5, langsteDagen: 1 })).toEqual({ median: '4,5 dagen', longest: '1 dag' });
    expect(agesText({ aantal: 0, mediaanDagen: null, langsteDagen: null })).toEqual({ median: '–', longest: '–' });
    expect(periodProblem('2026-12-01', '2026-11-01')).toBe('De einddatum ligt voor de begindatum.');
    expect(periodProblem('2026-11-01', '')).toBeNull();
  });
});
