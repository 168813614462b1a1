import type { Comparison } from '../progress/types';
import type { Provenance } from '../shared/Provenance';

export interface ComparedValue {
  /** The group's code (GM0344, vergelijkbaar, PV26, AM20, NL); unique within a wave. */
  code: string;
  label: string;
  /** Share implemented or evaluated (0–1); null when there is nothing to measure. */
  value: number | null;
  self: boolean;
}

export interface WaveComparison {
  wave: number;
  name: string;
  values: ComparedValue[];
  /** Source, data moment, licence and the CSV of this wave's comparison. */
  herkomst: Provenance;
}

/** "Provincie Utrecht": the server names the kind of group itself now; an older answer did not. */
function withKind(kind: string, name: string): string {
  return name.startsWith(`${kind} `) ? name : `${kind} ${name}`;
}

/** How a group reads in a chart: the server's name, with what kind of group it is. */
function labelOf(comparison: Comparison, code: string, name: string): string {
  if (code === comparison.gemeente.code) return comparison.gemeente.naam;
  if (code === 'vergelijkbaar') return 'Vergelijkbare gemeenten';
  if (code === 'NL') return 'Nederland';
  if (code.startsWith('PV')) return withKind('Provincie', name);
  if (code.startsWith('AM')) return withKind('Arbeidsmarktregio', name);
  return name;
}

/**
 * A wave's comparison (/gemeenten/{code}/vergelijking?fase=n) as chart rows: the municipality,
 * its peers, province, region and the country, in the server's order. The server works out
 * every figure; nothing is averaged here.
 */
export function compareWave(wave: { nummer: number; naam: string }, comparison: Comparison): WaveComparison {
  return {
    wave: wave.nummer,
    name: wave.naam,
    values: comparison.cijfers.map((figures) => ({
      code: figures.groep.code,
      label: labelOf(comparison, figures.groep.code, figures.groep.naam),
      // A group without any cell in the wave has nothing to measure, rather than 0%.
      value: figures.cellen ? figures.aandeelGeimplementeerd : null,
      self: figures.groep.code === comparison.gemeente.code,
    })),
    herkomst: comparison.herkomst,
  };
}
