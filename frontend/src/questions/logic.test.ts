import { describe, expect, it } from 'vitest';

import { advisorOptions } from './advisors';
import { askBody, askProblems, EMPTY_ASK } from './askForm';
import { withFilter } from '../shared/QuickFilters';
import { inboxFiltersFrom, isFiltered, SORT_OPTIONS } from './filters';
import { barShare } from './insight';
import { actorText, eventText, shareText, workingDaysText } from './labels';
import { suggestionsText, suggestionText } from './suggest';
import { actionKind, EMPTY_TRANSITION, transitionBody, transitionProblems } from './transitions';

describe('inbox filters', () => {
  it('takes what the API accepts from the URL and drops the rest', () => {
    const params = new URLSearchParams(
      'status=toegewezen&behandelaar=mij&maatregel=M07&kanaal=telefoon&termijn=verlopen&gemeente=GM0344&faq=zonder&sorteer=-ontvangenOp&pagina=2',
    );
    expect(inboxFiltersFrom(params)).toEqual({
      pagina: 2,
      paginaGrootte: 25,
      status: 'toegewezen',
      behandelaar: 'mij',
      maatregel: 'M07',
      kanaal: 'telefoon',
      termijn: 'verlopen',
      gemeente: 'GM0344',
      faq: 'zonder',
      sorteer: '-ontvangenOp',
    });
    const junk = new URLSearchParams('status=klaar&behandelaar=iedereen&maatregel=7&termijn=morgen&faq=ja&sorteer=naam&pagina=-1');
    expect(inboxFiltersFrom(junk)).toEqual({ pagina: 1, paginaGrootte: 25 });
  });

  it('opens on open work and can still sort all statuses by due date', () => {
    // The default sends no sort, so the API's open-first default applies.
    expect(SORT_OPTIONS[0]).toEqual({ value: '', label: 'Open eerst, dan termijn' });
    expect(inboxFiltersFrom(new URLSearchParams('')).sorteer).toBeUndefined();
    expect(inboxFiltersFrom(new URLSearchParams('sorteer=termijn')).sorteer).toBe('termijn');
  });

  it('knows when a list is narrowed, and toggles a quick filter back to page 1', () => {
    expect(isFiltered({ sorteer: 'status' })).toBe(false);
    expect(isFiltered({ termijn: 'verlopen' })).toBe(true);
    expect(isFiltered({ faq: 'zonder' })).toBe(true);
    const params = new URLSearchParams('status=nieuw&pagina=3');
    expect(withFilter(params, 'termijn', 'verlopen')).toBe('status=nieuw&termijn=verlopen');
    expect(withFilter(new URLSearchParams('termijn=verlopen'), 'termijn', null)).toBe('');
    expect(withFilter(new URLSearchParams('status=beantwoord&pagina=2'), 'faq', 'zonder')).toBe('status=beantwoord&faq=zonder');
  });
});

describe('advisors', () => {
  const list = [
    { id: 3, naam: 'Bea Beheer' },
    { id: 7, naam: 'Ruud Redactie' },
    { id: 9, naam: 'Zoë Zuid' },
  ];

  it('puts the viewer first, marked "(ik)", the others in the order given', () => {
    expect(advisorOptions(list, 7)).toEqual([
      { id: 7, naam: 'Ruud Redactie (ik)' },
      { id: 3, naam: 'Bea Beheer' },
      { id: 9, naam: 'Zoë Zuid' },
    ]);
  });

  it('offers only whom the server lists', () => {
    expect(advisorOptions(list, 42)).toEqual(list);
    expect(advisorOptions(list, null)).toEqual(list);
    expect(advisorOptions([], 7)).toEqual([]);
  });
});

describe('status actions', () => {
  it('names each move by what the advisor does', () => {
    expect(actionKind('nieuw', 'toegewezen')).toBe('toewijzen');
    expect(actionKind('wacht-op-expert', 'toegewezen')).toBe('terug');
    expect(actionKind('gesloten', 'toegewezen')).toBe('heropenen');
    expect(actionKind('beantwoord', 'gesloten')).toBe('afsluiten');
    expect(actionKind('toegewezen', 'gesloten')).toBe('sluiten');
    expect(actionKind('toegewezen', 'wacht-op-expert')).toBe('expert');
  });

  it('asks for the fields the server requires, before sending', () => {
    const unassigned = { behandelaar: null };
    expect(transitionProblems('toewijzen', EMPTY_TRANSITION, unassigned).behandelaarId).toBe('Kies een behandelaar.');
    expect(transitionProblems('toewijzen', EMPTY_TRANSITION, { behandelaar: { id: 1, naam: 'A' } }).behandelaarId).toBeNull();
    expect(transitionProblems('expert', EMPTY_TRANSITION, unassigned).expertOrganisatie).toBeTruthy();
    expect(transitionProblems('expert', { ...EMPTY_TRANSITION, expertVraag: 'x'.repeat(4001) }, unassigned).expertVraag).toMatch(
      /4000 tekens/,
    );
    expect(transitionProblems('expert', { ...EMPTY_TRANSITION, expertVraag: 'x'.repeat(4000) }, unassigned).expertVraag).toBeNull();
    expect(transitionProblems('beantwoorden', { ...EMPTY_TRANSITION, antwoord: '  ' }, unassigned).antwoord).toBeTruthy();
    expect(transitionProblems('sluiten', EMPTY_TRANSITION, unassigned).toelichting).toMatch(/zonder antwoord/);
    expect(transitionProblems('heropenen', EMPTY_TRANSITION, unassigned).toelichting).toMatch(/weer open/);
    expect(transitionProblems('afsluiten', EMPTY_TRANSITION, unassigned).toelichting).toBeNull();
  });

  it('sends only the fields of the chosen action', () => {
    const values = {
      ...EMPTY_TRANSITION,
      behandelaarId: '7',
      expertOrganisatie: 'divosa',
      expertVraag: ' Geldt dit ook voor een kostendeler? ',
      contactDelen: true,
      antwoord: ' Ja. ',
      toelichting: ' ',
    };
    expect(transitionBody('toegewezen', 'toewijzen', values)).toEqual({ naar: 'toegewezen', behandelaarId: 7 });
    expect(transitionBody('wacht-op-expert', 'expert', values)).toEqual({
      naar: 'wacht-op-expert',
      expertOrganisatie: 'divosa',
      expertVraag: 'Geldt dit ook voor een kostendeler?',
      contactDelen: true,
    });
    // Sharing is a choice made each time, sent as made; an empty question for the experts is left out.
    expect(transitionBody('wacht-op-expert', 'expert', { ...values, expertVraag: '  ', contactDelen: false })).toEqual({
      naar: 'wacht-op-expert',
      expertOrganisatie: 'divosa',
      contactDelen: false,
    });
    expect(transitionBody('beantwoord', 'beantwoorden', values)).toEqual({ naar: 'beantwoord', antwoord: 'Ja.' });
    expect(transitionBody('gesloten', 'sluiten', { ...values, toelichting: 'Dubbel' })).toEqual({ naar: 'gesloten', toelichting: 'Dubbel' });
  });
});

describe('asking a question', () => {
  const filled = { ...EMPTY_ASK, onderwerp: 'Giften', vraag: 'Hoe hoog is de vrijlating?' };

  it('checks the lengths the server checks, and for the team the channel and the asker', () => {
    expect(askProblems({ ...EMPTY_ASK, onderwerp: 'ab', vraag: 'kort' }, false)).toEqual({
      onderwerp: 'Gebruik minstens 3 tekens.',
      vraag: 'Gebruik minstens 10 tekens.',
    });
    const team = askProblems({ ...filled, email: 'geen-adres', ontvangenOp: '2999-01-01T10:00' }, true);
    expect(team.kanaal).toBe('Kies hoe de vraag binnenkwam.');
    expect(team.naam).toBeTruthy();
    expect(team.email).toMatch(/geldig e-mailadres/);
    expect(team.ontvangenOp).toBe('Dit moment ligt in de toekomst.');
  });

  it('sends the asker only for the team', () => {
    expect(askBody({ ...filled, naam: 'Piet', gemeente: 'GM0344' }, false)).toEqual({
      onderwerp: 'Giften',
      vraag: 'Hoe hoog is de vrijlating?',
      maatregelen: [],
      gemeente: 'GM0344',
    });
    const body = askBody({ ...filled, kanaal: 'telefoon', naam: ' Piet ', email: '', organisatie: '' }, true);
    expect(body.kanaal).toBe('telefoon');
    expect(body.vragensteller).toEqual({ naam: 'Piet', email: null, organisatie: null });
    expect(body.ontvangenOp).toBeUndefined();
  });
});

describe('suggestions while typing', () => {
  it('looks up subject and question together once there are 3 characters', () => {
    expect(suggestionText(' a ', '')).toBe('');
    expect(suggestionText('Giften', '  hoe\n hoog ')).toBe('Giften hoe hoog');
    expect(suggestionText('x'.repeat(1500), 'y'.repeat(1500))).toHaveLength(2000);
  });

  it('announces how many it found in one short sentence', () => {
    expect(suggestionsText(undefined)).toBe('');
    expect(suggestionsText({ faq: [], vragen: [] })).toBe('Geen vergelijkbare antwoorden of open vragen gevonden.');
    const one = { id: 1, vraag: 'v', maatregelen: [], score: 1 };
    const open = { id: 2, onderwerp: 'o', status: 'nieuw' as const, score: 1 };
    expect(suggestionsText({ faq: [one, one], vragen: [open] })).toBe('2 vergelijkbare antwoorden en 1 open vraag van u gevonden.');
    expect(suggestionsText({ faq: [], vragen: [open, open] }, true)).toBe('2 open vragen gevonden.');
  });
});

describe('labels', () => {
  it('tells the history in Dutch', () => {
    expect(eventText({ soort: 'status', van: 'nieuw', naar: 'toegewezen', details: {} })).toBe('Status: Nieuw → Toegewezen');
    expect(eventText({ soort: 'heropend', van: 'gesloten', naar: 'toegewezen', details: { toelichting: 'Nieuwe info' } })).toBe(
      'Heropend: Gesloten → Toegewezen (Nieuwe info)',
    );
    expect(eventText({ soort: 'ingediend', van: null, naar: null, details: { kanaal: 'telefoon' } })).toBe('Vraag ontvangen via telefoon');
    expect(eventText({ soort: 'samengevoegd', van: null, naar: null, details: { opgenomen: 12 } })).toBe('Vraag 12 hierin samengevoegd');
    expect(eventText({ soort: 'notitie', van: null, naar: null, details: {} })).toBe('Interne notitie toegevoegd');
    expect(
      eventText({ soort: 'expertantwoord', van: 'wacht-op-expert', naar: 'toegewezen', details: { organisatie: 'stimulansz' } }),
    ).toBe('Antwoord van de expert ontvangen: Wacht op expert → Toegewezen');
    expect(eventText({ soort: 'faq-gepubliceerd', van: null, naar: null, details: { faq: 4 } })).toBe(
      'Gepubliceerd als veelgestelde vraag 4',
    );
  });

  it('names actors by name, else by subject with the viewer as "U"', () => {
    expect(actorText('user:4', 'Ruud Redactie', 4)).toBe('Ruud Redactie');
    expect(actorText('user:5', 'Bea Beheer', 4)).toBe('Bea Beheer');
    expect(actorText('user:4', null, 4)).toBe('U');
    expect(actorText('user:5', null, 4)).toBe('Gebruiker 5');
    expect(actorText('client:crm', null, null)).toBe('Koppeling crm');
  });

  it('writes figures the Dutch way', () => {
    expect(shareText(0.875)).toBe('88%');
    expect(shareText(null)).toBe('–');
    expect(workingDaysText(4.5)).toBe('4,5 werkdagen');
    expect(workingDaysText(1)).toBe('1 werkdag');
    expect(barShare(5, 10)).toBe(0.5);
    expect(barShare(3, 0)).toBe(0);
  });
});
