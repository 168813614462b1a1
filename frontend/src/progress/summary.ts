import { LIGHT_LABELS, LIGHTS } from './labels';
import type { TrafficLight } from './types';

/** How many of each traffic light, in the order late, at risk, on track. */
export function countLights(lights: readonly string[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { 'op-schema': 0, risico: 0, 'te-laat': 0 };
  for (const light of lights) if (light in counts) counts[light as TrafficLight] += 1;
  return counts;
}

/** "6 te laat, 8 risico, 9 op schema": the lights of a set of cells in one line. */
export function lightsText(lights: readonly string[]): string {
  const counts = countLights(lights);
  return [...LIGHTS]
    .reverse()
    .map((light) => `${counts[light]} ${LIGHT_LABELS[light].toLowerCase()}`)
    .join(', ');
}
