import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, distance } from '@turf/turf';
import { parseEvent } from '../../src/domain/load-event.ts';
import { realEventInput } from '../fixtures/real-data.ts';
import { anchorFacingAway, buildEventSources, mostSpecificParty } from '../../src/map/event-sources.ts';

const event = parseEvent(realEventInput());
const sources = buildEventSources(event);

describe('buildEventSources', () => {
  it('draws one claimed area per party, largest first, so smaller claims sit on top', () => {
    const areas = sources.claimAreas.features;
    expect(areas.map((f) => f.properties.party).sort()).toEqual(event.parties.map((p) => p.id).sort());
    const sizes = areas.map((f) => f.properties.areaKm2);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(areas[0]?.properties.party).toBe('coalition');
  });

  it("outlines SOHR's claim by the 35 km ring itself, not by the edge of its band", () => {
    const outline = sources.claimOutlines.features.find((f) => f.properties.party === 'sohr');
    if (!outline || outline.geometry.type !== 'Polygon') throw new Error('no SOHR outline');
    const garrison = event.places.find((p) => p.id === 'tanf-base')!.anchor;
    for (const vertex of outline.geometry.coordinates[0] ?? []) {
      expect(Math.abs(distance([...garrison], vertex, { units: 'kilometers' }) - 35)).toBeLessThan(0.1);
    }
  });

  it('keeps the rings no party claims (the 55 km zone) as context', () => {
    expect(sources.contextRings.features.map((f) => f.properties.id)).toEqual(['zone-55']);
  });

  it("puts each claim's label point on its geometry, facing out of it", () => {
    const byParty = new Map(sources.claimAnchors.features.map((f) => [f.properties.party, f]));
    expect(byParty.get('sohr')?.properties.outwardBearing).toBe(180);
    expect(byParty.get('syrian-government')?.properties.outwardBearing).toBe(180);
    const coalition = byParty.get('coalition')!;
    expect(coalition.properties.outwardBearing).toBeNull();
    const badia = sources.claimAreas.features.find((f) => f.properties.party === 'coalition')!;
    expect(booleanPointInPolygon(coalition.geometry.coordinates, badia)).toBe(true);
  });
});

describe('anchorFacingAway', () => {
  it('hangs a label on the far side of its point', () => {
    expect(anchorFacingAway(0)).toBe('bottom');
    expect(anchorFacingAway(90)).toBe('left');
    expect(anchorFacingAway(180)).toBe('top');
    expect(anchorFacingAway(270)).toBe('right');
    expect(anchorFacingAway(315)).toBe('bottom-right');
    expect(anchorFacingAway(-45)).toBe('bottom-right');
    expect(anchorFacingAway(359)).toBe('bottom');
    expect(anchorFacingAway(null)).toBe('center');
  });
});

describe('mostSpecificParty', () => {
  it('picks the smallest claim among those under the pointer, and nothing from foreign features', () => {
    expect(
      mostSpecificParty([
        { properties: { party: 'coalition', areaKm2: 90000 } },
        { properties: { party: 'sohr', areaKm2: 2000 } },
      ]),
    ).toBe('sohr');
    expect(mostSpecificParty([{ properties: { name: 'Syria' } } as never])).toBeNull();
    expect(mostSpecificParty([])).toBeNull();
  });
});
