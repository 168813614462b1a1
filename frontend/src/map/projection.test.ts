import { describe, expect, it } from 'vitest';

import { neighbour, projectMunicipalities } from './projection';
import type { MunicipalityFeature } from './types';

/** A square municipality (counter-clockwise, as GeoJSON has it) at lon/lat. */
function square(code: string, lon: number, lat: number): MunicipalityFeature {
  const ring = [
    [lon, lat],
    [lon + 0.1, lat],
    [lon + 0.1, lat + 0.1],
    [lon, lat + 0.1],
    [lon, lat],
  ];
  return {
    type: 'Feature',
    properties: { code, name: code, waarde: null, provincie: null, arbeidsmarktregio: null },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

describe('projectMunicipalities', () => {
  const map = projectMunicipalities([square('west', 4, 52), square('east', 5, 52), square('north', 4, 53)], 600);

  it('fits the area to the width, with north up', () => {
    expect(map.width).toBe(600);
    expect(map.height).toBeGreaterThan(0);
    expect(map.height).toBeLessThan(1200);
    const [west, east, north] = map.shapes;
    expect(west?.centre[0]).toBeLessThan(east?.centre[0] ?? 0);
    expect(north?.centre[1]).toBeLessThan(west?.centre[1] ?? 0);
    for (const shape of map.shapes) {
      expect(shape.d).toMatch(/^M/);
      expect(shape.centre[0]).toBeGreaterThanOrEqual(0);
      expect(shape.centre[0]).toBeLessThanOrEqual(600);
      expect(shape.centre[1]).toBeGreaterThanOrEqual(0);
      expect(shape.centre[1]).toBeLessThanOrEqual(map.height);
    }
  });

  it('moves to the neighbour in the direction of an arrow key', () => {
    const [west, east, north] = map.shapes;
    if (!west || !east || !north) throw new Error('missing shapes');
    expect(neighbour(map.shapes, west, 'ArrowRight')).toBe(east);
    expect(neighbour(map.shapes, west, 'ArrowUp')).toBe(north);
    expect(neighbour(map.shapes, west, 'ArrowLeft')).toBeNull();
    expect(neighbour(map.shapes, west, 'Enter')).toBeNull();
  });
});
