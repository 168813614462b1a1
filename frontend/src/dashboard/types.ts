import type { components, operations } from '../api/schema';

export type Dashboard = components['schemas']['Dashboard'];
export type WaveMoment = components['schemas']['WaveMoment'];
export type GroupFigures = components['schemas']['GroupFigures'];
export type Provenance = components['schemas']['Provenance'];
export type Trend = components['schemas']['Trend'];
export type TrendPoint = components['schemas']['TrendPoint'];
export type Overview = components['schemas']['Overview'];
export type OverviewQuery = NonNullable<operations['voortgangOverzichtOpvragen']['parameters']['query']>;
