import { describe, expect, it } from 'vitest';

import {
  allowedTransitions,
  approvalsOfDraft,
  canInviteTesters,
  canTransition,
  possibleFromProblem,
  transitionHint,
  TRANSITIONS,
} from './lifecycle';
import type { ProductStatus, Review, Version } from './types';

const targets = (status: ProductStatus) => allowedTransitions(status).map((action) => action.to);

function version(nummer: number, files = 0): Version {
  return {
    nummer,
    wijzigingsnotitie: 'Eerste versie',
    gepubliceerdOp: null,
    bestanden: Array.from({ length: files }, (_, i) => ({
      id: i + 1,
      naam: `bestand-${i + 1}.pdf`,
      mediatype: 'application/pdf',
      grootte: 100,
      sha256: 'a'.repeat(64),
      externeUrl: null,
      download: `/api/v1/producten/1/bestanden/${i + 1}`,
    })),
  };
}

function review(versie: number, oordeel: Review['oordeel']): Review {
  return {
    id: versie * 10,
    productId: 1,
    productTitel: 'Product',
    versie,
    toetser: { code: '3', naam: 'Ulla Utrecht' },
    uitgenodigdOp: '2026-11-28T10:00:00Z',
    oordeel,
    opmerkingen: null,
    beantwoordOp: oordeel ? '2026-11-28T11:00:00Z' : null,
  };
}

describe('allowedTransitions', () => {
  it('follows planned → in development → in review → published → withdrawn', () => {
    expect(targets('gepland')).toEqual(['in-ontwikkeling', 'ingetrokken']);
    expect(targets('in-ontwikkeling')).toEqual(['in-toetsing', 'ingetrokken']);
    expect(targets('in-toetsing')).toEqual(['in-ontwikkeling', 'gepubliceerd', 'ingetrokken']);
    expect(targets('gepubliceerd')).toEqual(['in-ontwikkeling', 'ingetrokken']);
  });

  it('offers nothing from withdrawn, and never the current status or publishing a plan', () => {
    expect(targets('ingetrokken')).toEqual([]);
    for (const status of Object.keys(TRANSITIONS) as ProductStatus[]) {
      expect(targets(status)).not.toContain(status);
    }
    expect(canTransition('gepland', 'gepubliceerd')).toBe(false);
    expect(canTransition('in-ontwikkeling', 'gepubliceerd')).toBe(false);
    expect(canTransition('ingetrokken', 'in-ontwikkeling')).toBe(false);
    expect(canTransition('in-toetsing', 'gepubliceerd')).toBe(true);
  });

  it('names each move by what it does', () => {
    expect(allowedTransitions('gepland').map((a) => a.label)).toEqual(['Ontwikkeling starten', 'Intrekken']);
    expect(allowedTransitions('in-toetsing').map((a) => a.label)).toEqual([
      'Terug naar ontwikkeling',
      'Publiceren',
      'Intrekken',
    ]);
    expect(allowedTransitions('gepubliceerd').map((a) => a.label)).toEqual(['Nieuwe versie starten', 'Intrekken']);
  });

  it('requires a change note for a new version and a reason for withdrawal', () => {
    const [newVersion, withdraw] = allowedTransitions('gepubliceerd');
    expect(newVersion?.note).toMatchObject({ field: 'wijzigingsnotitie', required: true });
    expect(withdraw?.note).toMatchObject({ field: 'toelichting', required: true });
    expect(withdraw?.destructive).toBe(true);
    // The first version's note is optional; the server writes "Eerste versie".
    expect(allowedTransitions('gepland')[0]?.note).toMatchObject({ field: 'wijzigingsnotitie', required: false });
    expect(allowedTransitions('in-toetsing')[1]?.note).toEqual({ field: null });
  });
});

describe('preconditions', () => {
  it('counts only approvals of the current draft', () => {
    const product = { conceptversie: version(2, 1) };
    const reviews = [review(1, 'goedgekeurd'), review(2, 'aanpassingen-nodig'), review(2, 'goedgekeurd'), review(2, null)];
    expect(approvalsOfDraft(product, reviews)).toBe(1);
    expect(approvalsOfDraft({ conceptversie: null }, reviews)).toBe(0);
  });

  it('hints why review or publication will be refused', () => {
    expect(transitionHint({ status: 'in-ontwikkeling', conceptversie: version(1) }, 'in-toetsing', [])).toBe(
      'Voeg eerst een document of link toe aan het concept.',
    );
    expect(transitionHint({ status: 'in-ontwikkeling', conceptversie: version(1, 1) }, 'in-toetsing', [])).toBeNull();
    expect(transitionHint({ status: 'in-toetsing', conceptversie: version(1, 1) }, 'gepubliceerd', [review(1, null)])).toMatch(
      /nog geen goedkeuring/,
    );
    expect(
      transitionHint({ status: 'in-toetsing', conceptversie: version(1, 1) }, 'gepubliceerd', [review(1, 'goedgekeurd')]),
    ).toBeNull();
    // Without the reviews, nothing is claimed.
    expect(transitionHint({ status: 'in-toetsing', conceptversie: version(1, 1) }, 'gepubliceerd', undefined)).toBeNull();
  });

  it('allows inviting testers only in development or review', () => {
    expect(canInviteTesters('in-ontwikkeling')).toBe(true);
    expect(canInviteTesters('in-toetsing')).toBe(true);
    expect(canInviteTesters('gepland')).toBe(false);
    expect(canInviteTesters('gepubliceerd')).toBe(false);
  });

  it("reads the server's possible statuses from a 409 problem", () => {
    expect(possibleFromProblem({ huidigeStatus: 'gepland', mogelijk: ['in-ontwikkeling', 'ingetrokken', 'onzin'] })).toEqual([
      'in-ontwikkeling',
      'ingetrokken',
    ]);
    expect(possibleFromProblem({ goedkeuringen: 0, nodig: 1 })).toBeNull();
  });
});
