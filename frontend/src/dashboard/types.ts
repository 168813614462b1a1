import type { components, operations } from '../api/schema';

export type Dashboard = components['schemas']['Dashboard'];
export type WaveMoment = components['schemas']['WaveMoment'];
export type GroupFigures = components['schemas']['GroupFigures'];
/** A group's figures with the state at the end of last month and the change since. */
export type FiguresWithChange = components['schemas']['FiguresWithChange'];
/** The state at the end of the previous month: what the change is measured from. */
export type PreviousFigures = components['schemas']['PreviousFigures'];
/** Now minus the previous period: shares in percentage points, counts in cells. */
export type FigureChange = components['schemas']['FigureChange'];
export type Provenance = components['schemas']['Provenance'];
export type Trend = components['schemas']['Trend'];
export type TrendPoint = components['schemas']['TrendPoint'];
/** The figures per group, each with its change since last month. */
export type Overview = components['schemas']['OverviewWithChange'];
export type OverviewGroup = components['schemas']['OverviewGroup'];
export type OverviewQuery = NonNullable<operations['voortgangOverzichtOpvragen']['parameters']['query']>;
