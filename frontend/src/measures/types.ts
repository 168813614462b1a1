import type { components } from '../api/schema';

export type Measure = components['schemas']['MeasureRead'];
export type Wave = components['schemas']['WaveRead'];
export type Obligation = components['schemas']['Obligation'];
