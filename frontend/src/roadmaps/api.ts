import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { Roadmap } from '../progress/types';
import type { MeasureDateChange, RoadmapStepWrite, WaveDateChange, WhatIf } from './types';

/** Changed cells listed in a preview; the answer counts them all. */
const CELLS_SHOWN = 50;

/** With the measure's version in If-Match, as its change takes it: 412 when someone changed it since. */
export function previewMeasure(code: string, body: MeasureDateChange, version?: number): Promise<WhatIf> {
  return unwrap(
    apiClient.POST('/maatregelen/{code}/voorvertoning', {
      params: { path: { code }, query: { maxCellen: CELLS_SHOWN }, ...ifMatch(version) },
      body,
    }),
  );
}

const ifMatch = (version?: number) => (version === undefined ? {} : { header: { 'If-Match': `"v${version}"` } });

/** With the wave's version in If-Match, as its change takes it: 412 when someone moved it since. */
export function previewWave(nummer: number, body: WaveDateChange, version?: number): Promise<WhatIf> {
  return unwrap(
    apiClient.POST('/fasen/{nummer}/voorvertoning', {
      params: { path: { nummer }, query: { maxCellen: CELLS_SHOWN }, ...ifMatch(version) },
      body,
    }),
  );
}

/** With the measure's version in If-Match (a roadmap is its measure's): 412 when someone changed either since. */
export function previewRoadmap(code: string, stappen: RoadmapStepWrite[], version?: number): Promise<WhatIf> {
  return unwrap(
    apiClient.POST('/maatregelen/{code}/routekaart/voorvertoning', {
      params: { path: { code }, query: { maxCellen: CELLS_SHOWN }, ...ifMatch(version) },
      body: { stappen },
    }),
  );
}

/** With the measure's version in If-Match: 412 when someone changed the measure or its roadmap since it was read. */
export function saveMeasureDate(code: string, body: MeasureDateChange, version?: number): Promise<unknown> {
  return unwrap(apiClient.PATCH('/maatregelen/{code}', { params: { path: { code }, ...ifMatch(version) }, body }));
}

/** With the wave's version in If-Match: 412 when someone changed the wave since it was read. */
export function saveWaveDate(nummer: number, body: WaveDateChange, version?: number): Promise<unknown> {
  return unwrap(apiClient.PATCH('/fasen/{nummer}', { params: { path: { nummer }, ...ifMatch(version) }, body }));
}

/** With the measure's version in If-Match: 412 when someone changed the measure or its roadmap since it was read. */
export function saveRoadmap(code: string, stappen: RoadmapStepWrite[], version?: number): Promise<Roadmap> {
  return unwrap(
    apiClient.PUT('/maatregelen/{code}/routekaart', { params: { path: { code }, ...ifMatch(version) }, body: { stappen } }),
  );
}
