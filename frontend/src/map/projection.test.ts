import { describe, expect, it } from 'vitest';

import { areasOf, neighbour, outerEdges, projectMunicipalities } from './projection';
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

describe('dissolving municipalities into a province or region', () => {
  // Two unit squares side by side, sharing the edge x = 1, and a third one apart.
  const left = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
  const right = [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]];
  const apart = [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]];

  it('keeps only the edges no two members share', () => {
    const edges = outerEdges([left, right]);
    expect(edges).toHaveLength(6);
    const shared = edges.filter(([a, b]) => a?.[0] === 1 && b?.[0] === 1);
    expect(shared).toEqual([]);
    expect(outerEdges([left, right, apart])).toHaveLength(10);
  });

  it('groups the features by the area code each carries, and draws one shape with an outline per area', () => {
    const feature = (code: string, provincie: string, coordinates: number[][][]): MunicipalityFeature => ({
      type: 'Feature',
      properties: { code, name: code, waarde: null, provincie, arbeidsmarktregio: 'AM01' },
      // Near the Netherlands, counter-clockwise as RFC 7946 has it.
      geometry: { type: 'Polygon', coordinates: coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [5 + x / 10, 52 + y / 10])) },
    });
    const features = [feature('GM0001', 'PV20', left), feature('GM0002', 'PV20', right), feature('GM0003', 'PV21', apart)];
    const areas = areasOf(features, 'provincie', new Map([['PV20', 'Groningen']]));
    expect(areas.map((area) => [area.code, area.name, area.members.length])).toEqual([
      ['PV20', 'Groningen', 2],
      ['PV21', 'PV21', 1],
    ]);
    const map = projectMunicipalities(features, 300, areas);
    expect(map.shapes.map((shape) => shape.code)).toEqual(['PV20', 'PV21']);
    const groningen = map.shapes[0];
    // The fill is both members; the outline has the six outer edges as separate strokes.
    expect(groningen?.d.match(/M/g)).toHaveLength(2);
    expect(groningen?.outline?.match(/M/g)).toHaveLength(6);
    expect(groningen?.centre[0]).toBeLessThan(map.shapes[1]?.centre[0] ?? 0);
  });
});
