import { describe, expect, it } from 'vitest';

import { ApiError } from '../api/problem';
import {
  figuresLineName,
  importProblems,
  lightCauses,
  readinessProblems,
  releaseText,
  reportBody,
  statusLabel,
  VERDICTS,
  verdictLabel,
  whoText,
} from './labels';
import type { MunicipalIct } from './types';

const wait = (code: string, oordeel: MunicipalIct['wachtOp'][number]['oordeel']): MunicipalIct['wachtOp'][number] => ({
  maatregel: { code, naam: code },
  ingangsdatum: '2027-01-01',
  moetStartenOp: null,
  oordeel,
  wachtOp: [],
});

describe('ICT readiness labels', () => {
  it('says each verdict in words, worst first, and names only late and at-risk as a cause beside the light', () => {
    expect(VERDICTS.map(verdictLabel)).toEqual(['Te laat door ICT', 'Risico door ICT', 'Wacht op datum leverancier', 'Op tijd']);
    const ict = {
      wachtOp: [wait('M15', 'te-laat-door-ict'), wait('M16', 'risico-door-ict'), wait('M17', 'onbekend'), wait('M18', 'op-tijd')],
    } as MunicipalIct;
    expect(lightCauses(ict)).toEqual({ M15: 'te laat door ICT', M16: 'risico door ICT' });
    expect(lightCauses(undefined)).toEqual({});
  });

  it('writes a status, a release with its date, who and the others line of the public figures in Dutch', () => {
    expect(statusLabel(null)).toBe('Niet gemeld');
    expect(statusLabel('gepland')).toBe('Gepland');
    expect(releaseText('2027.1', '2027-02-01')).toBe('release 2027.1 op 1 februari 2027');
    expect(releaseText(null, null)).toBe('–');
    expect(whoText('user:12')).toBe('gebruiker 12');
    expect(whoText('client:3')).toBe('koppeling 3');
    expect(whoText('system')).toBe('Spoorboek zelf');
    expect(figuresLineName({ leverancier: null, leveranciers: 3 })).toBe('Overige leveranciers (3)');
    expect(figuresLineName({ leverancier: { naam: 'Tulpdata (demo)' }, leveranciers: 1 })).toBe('Tulpdata (demo)');
  });

  it('asks a release and a date with gepland and beschikbaar only, and sends no date with another status', () => {
    expect(readinessProblems({ status: 'gepland', release: ' ', datum: '' })).toEqual({
      status: false,
      release: expect.stringContaining('release') as string,
      datum: expect.stringContaining('datum') as string,
    });
    expect(readinessProblems({ status: 'in-analyse', release: '', datum: '' })).toEqual({ status: false, release: false, datum: false });
    expect(readinessProblems({ status: '', release: '', datum: '' }).status).toBe('Kies een status.');
    expect(reportBody({ status: 'in-analyse', release: ' 2027.2 ', datum: '2027-03-01' })).toEqual({
      status: 'in-analyse',
      release: '2027.2',
      datum: null,
    });
    expect(reportBody({ status: 'gepland', release: '2027.2', datum: '2027-03-01' })).toEqual({
      status: 'gepland',
      release: '2027.2',
      datum: '2027-03-01',
    });
  });

  it('reads the wrong rows of a refused import, each problem with its column', () => {
    const error = new ApiError(400, 'Ongeldige rijen', '2 van 3 rijen zijn afgekeurd', {
      extensions: {
        rijFouten: [
          { rij: 2, gemeente: 'GM9999', fouten: ['gemeentecode: GM9999 bestaat niet', 'domein: kies uit inkomen, werk'] },
          { rij: 4, gemeente: 'GM0344', fouten: ['domein werk: staat voor deze gemeente ook op regel 3'] },
          { rij: 5, fouten: ['iets zonder kolom'] },
        ],
      },
    });
    expect(importProblems(error)).toEqual([
      { row: 2, municipality: 'GM9999', column: 'gemeentecode', message: 'GM9999 bestaat niet' },
      { row: 2, municipality: 'GM9999', column: 'domein', message: 'kies uit inkomen, werk' },
      { row: 4, municipality: 'GM0344', column: 'domein', message: 'werk: staat voor deze gemeente ook op regel 3' },
      { row: 5, municipality: '', column: null, message: 'iets zonder kolom' },
    ]);
    expect(importProblems(new Error('netwerk'))).toEqual([]);
  });
});
