import type { GroupFigures, Overview } from '../dashboard/types';
import type { MapValues } from '../map/types';

export interface ComparedValue {
  label: string;
  /** Share implemented or evaluated (0–1); null when there is nothing to measure. */
  value: number | null;
  self: boolean;
}

export interface WaveComparison {
  wave: number;
  name: string;
  values: ComparedValue[];
}

export interface WaveInputs {
  wave: { nummer: number; naam: string };
  /** /kaart/waarden?indicator=aandeel-geimplementeerd&fase=n: every municipality's share. */
  municipalities: MapValues | undefined;
  provinces: Overview | undefined;
  regions: Overview | undefined;
}

interface Subject {
  code: string;
  name: string;
  province: { code: string; naam: string };
  region: { code: string; naam: string };
  peers: string[];
}

const share = (groups: GroupFigures[] | undefined, code: string) =>
  groups?.find((group) => group.groep.code === code)?.aandeelGeimplementeerd ?? null;

/**
 * The municipality's share implemented per wave next to its peers, its province, its region and
 * the country. Every municipality has every measure of a wave, so the peers' share is the plain
 * mean of their shares.
 */
export function compareWaves(subject: Subject, inputs: WaveInputs[], country: Overview | undefined): WaveComparison[] {
  return inputs.map(({ wave, municipalities, provinces, regions }) => {
    const valueOf = new Map(municipalities?.waarden.map((entry) => [entry.code, entry.waarde]) ?? []);
    const peerValues = subject.peers.map((code) => valueOf.get(code)).filter((value): value is number => typeof value === 'number');
    const peers = peerValues.length ? peerValues.reduce((sum, value) => sum + value, 0) / peerValues.length : null;
    return {
      wave: wave.nummer,
      name: wave.naam,
      values: [
        { label: subject.name, value: valueOf.get(subject.code) ?? null, self: true },
        { label: 'Vergelijkbare gemeenten', value: peers, self: false },
        { label: `Provincie ${subject.province.naam}`, value: share(provinces?.groepen, subject.province.code), self: false },
        { label: `Arbeidsmarktregio ${subject.region.naam}`, value: share(regions?.groepen, subject.region.code), self: false },
        { label: 'Nederland', value: share(country?.groepen, String(wave.nummer)), self: false },
      ],
    };
  });
}
