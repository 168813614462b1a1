import { describe, expect, it } from 'vitest';

import { waitsSummary } from '../ict/MunicipalityIctSection';
import type { IctVerdict } from '../ict/types';
import { peersSummary } from './MunicipalityPeers';

// The one line that opens the software and peers sections of a municipality's page, their tables closed below it.

const waits = (...verdicts: IctVerdict[]) => ({ gemeente: { naam: 'Utrecht' }, wachtOp: verdicts.map((oordeel) => ({ oordeel })) });
const behind = (...peers: boolean[]) => ({
  gemeente: { naam: 'Utrecht' },
  maatregelen: peers.map((peer) => ({ collega: peer ? { gemeente: { code: 'GM0772' } } : null })),
});

describe('waitsSummary', () => {
  it('counts the waits and those that make a measure late or at risk, in Dutch', () => {
    expect(waitsSummary(waits('te-laat-door-ict', 'risico-door-ict', 'onbekend', 'op-tijd', 'op-tijd'))).toBe(
      'Utrecht wacht bij 5 maatregelen op software van haar leveranciers; bij 2 is dat te laat of met risico.',
    );
    expect(waitsSummary(waits('te-laat-door-ict', 'risico-door-ict'))).toMatch(/; bij alle 2 is dat te laat of met risico\.$/);
    expect(waitsSummary(waits('onbekend', 'op-tijd'))).toMatch(/; bij geen enkele is dat te laat of met risico\.$/);
    expect(waitsSummary(waits('op-tijd'))).toBe('Utrecht wacht bij 1 maatregel op software van haar leveranciers; dat is niet te laat of met risico.');
    expect(waitsSummary(waits())).toBe('Utrecht wacht voor geen enkele maatregel op een release van een leverancier.');
  });
});

describe('peersSummary', () => {
  it('counts the measures behind and those a similar municipality implemented, in Dutch', () => {
    expect(peersSummary(behind(true, true, true, false))).toBe(
      'Utrecht loopt achter op 4 maatregelen; voor 3 daarvan is er een vergelijkbare gemeente die de maatregel al invoerde.',
    );
    expect(peersSummary(behind(true, true))).toMatch(/; voor alle 2 daarvan is er /);
    expect(peersSummary(behind(false, false))).toMatch(/; er is nog geen vergelijkbare gemeente die een ervan al invoerde\.$/);
    expect(peersSummary(behind(true))).toBe('Utrecht loopt achter op 1 maatregel; er is een vergelijkbare gemeente die hem al invoerde.');
    expect(peersSummary(behind(false))).toMatch(/; er is nog geen vergelijkbare gemeente die hem al invoerde\.$/);
  });
});
