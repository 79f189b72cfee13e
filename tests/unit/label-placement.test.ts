// The label placement rule (src/map/label-placement.ts) on constructed boxes, and a property
// over random layouts: no two labels it calls clear ever overlap, or leave the map.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contains,
  inset,
  intersects,
  placeLabels,
  rect,
  sidesAround,
  type LabelRequest,
  type Obstacle,
  type Side,
} from '../../src/map/label-placement.ts';

const bounds = rect(0, 0, 400, 300);
const size = { width: 80, height: 18 };
const place = (id: string, x: number, y: number, priority = 1, required = false): LabelRequest<Side> => ({
  id,
  priority,
  required,
  candidates: sidesAround({ x, y }, size),
});
const byId = <T extends { id: string }>(list: readonly T[], id: string): T => list.find((l) => l.id === id)!;

describe('placeLabels', () => {
  it('takes the first side when nothing is in the way', () => {
    const { labels } = placeLabels({ bounds, margin: 4, labels: [place('a', 100, 100)], obstacles: [] });
    expect(labels[0]).toMatchObject({ side: 'right', hidden: false, clear: true, shift: { dx: 0, dy: 0 } });
    expect(labels[0]!.box).toEqual(rect(112, 91, 80, 18));
  });

  it('moves the second of two overlapping labels to another side', () => {
    const { labels } = placeLabels({
      bounds,
      margin: 4,
      labels: [place('first', 100, 100, 0), place('second', 110, 104, 1)],
      obstacles: [],
    });
    expect(byId(labels, 'first').side).toBe('right');
    expect(byId(labels, 'second').side).not.toBe('right');
    expect(intersects(byId(labels, 'first').box!, byId(labels, 'second').box!)).toBe(false);
  });

  it('places by priority, not by the order given', () => {
    const { labels } = placeLabels({
      bounds,
      margin: 4,
      labels: [place('context', 110, 104, 2), place('event', 100, 100, 0)],
      obstacles: [],
    });
    expect(byId(labels, 'event').side).toBe('right');
    expect(byId(labels, 'context').side).not.toBe('right');
  });

  it('flips a label at the right edge to the left', () => {
    const { labels } = placeLabels({ bounds, margin: 4, labels: [place('edge', 360, 150)], obstacles: [] });
    expect(labels[0]!.side).toBe('left');
    expect(contains(inset(bounds, 4), labels[0]!.box!)).toBe(true);
  });

  it('keeps clear of obstacles (a canvas label, a control)', () => {
    const { labels } = placeLabels({
      bounds,
      margin: 4,
      labels: [place('a', 100, 100)],
      obstacles: [{ id: 'IRAQ', box: rect(110, 90, 60, 20) }],
    });
    expect(labels[0]!.side).toBe('left');
  });

  it('hides an optional label that has no room anywhere', () => {
    const wall: Obstacle[] = [{ id: 'wall', box: rect(0, 0, 400, 300) }];
    const { labels } = placeLabels({ bounds, margin: 4, labels: [place('town', 200, 150, 2)], obstacles: wall });
    expect(labels[0]).toMatchObject({ hidden: true, side: null, box: null });
  });

  it('hides a low-priority label boxed in by a higher one', () => {
    const banner: LabelRequest<Side> = {
      id: 'badge',
      priority: 0,
      required: true,
      candidates: [{ side: 'center', box: rect(60, 100, 280, 100) }],
    };
    const out = placeLabels({ bounds, margin: 4, labels: [place('town', 200, 150, 2), banner], obstacles: [] });
    expect(byId(out.labels, 'town').hidden).toBe(true);
    expect(byId(out.labels, 'badge')).toMatchObject({ hidden: false, clear: true, shift: { dx: 0, dy: 0 } });
  });

  it('never hides a required label: it moves the least to a free spot', () => {
    // Every side of the badge is taken by a label of higher priority, but there is room just beside.
    const blocker = place('blocker', 100, 100, 0, true);
    const badge: LabelRequest<Side> = {
      id: 'badge',
      priority: 1,
      required: true,
      candidates: [{ side: 'center', box: rect(120, 95, 60, 20) }],
    };
    const { labels } = placeLabels({ bounds, margin: 4, labels: [blocker, badge], obstacles: [] });
    const b = byId(labels, 'badge');
    expect(b).toMatchObject({ hidden: false, clear: true });
    expect(intersects(b.box!, byId(labels, 'blocker').box!)).toBe(false);
    expect(Math.hypot(b.shift.dx, b.shift.dy)).toBeLessThanOrEqual(48);
  });

  it('lets a required label cover a yieldable obstacle (a canvas label) rather than nothing, and reports it', () => {
    const { labels, covered } = placeLabels({
      bounds,
      margin: 4,
      labels: [place('event', 200, 150, 0, true)],
      obstacles: [
        { id: 'JORDAN', box: rect(100, 80, 200, 140), yieldable: true },
        { id: 'zoom', box: rect(0, 0, 400, 60) },
      ],
      maxShift: 20,
    });
    expect(labels[0]).toMatchObject({ hidden: false, clear: true, side: 'right' });
    expect(covered).toEqual(['JORDAN']);
  });

  it('shows a required label even with no free spot, inside the map, and says it is not clear', () => {
    const { labels } = placeLabels({
      bounds,
      margin: 4,
      labels: [place('event', 395, 150, 0, true)],
      obstacles: [{ id: 'wall', box: rect(0, 0, 400, 300) }],
      maxShift: 8,
    });
    expect(labels[0]).toMatchObject({ hidden: false, clear: false });
    expect(contains(inset(bounds, 4), labels[0]!.box!)).toBe(true);
  });

  it('keeps the requested gap between labels', () => {
    const { labels } = placeLabels({
      bounds,
      margin: 4,
      gap: 6,
      labels: [place('a', 100, 100, 0), place('b', 100, 122, 1)],
      obstacles: [],
    });
    // 'b' right would start 4 px under 'a' right: with a 6 px gap it must take another side.
    expect(byId(labels, 'b').side).not.toBe('right');
  });
});

describe('placeLabels, over random layouts', () => {
  const arbLabel = fc.record({
    x: fc.integer({ min: -40, max: 440 }),
    y: fc.integer({ min: -40, max: 340 }),
    width: fc.integer({ min: 10, max: 160 }),
    height: fc.integer({ min: 10, max: 30 }),
    priority: fc.integer({ min: 0, max: 3 }),
    required: fc.boolean(),
  });
  const arbObstacle = fc.record({
    x: fc.integer({ min: -20, max: 400 }),
    y: fc.integer({ min: -20, max: 300 }),
    width: fc.integer({ min: 1, max: 120 }),
    height: fc.integer({ min: 1, max: 40 }),
    yieldable: fc.boolean(),
  });

  it('never places two clear labels over each other, over a standing obstacle, or across the edge; hides only optional ones', () => {
    fc.assert(
      fc.property(
        fc.array(arbLabel, { maxLength: 25 }),
        fc.array(arbObstacle, { maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (specs, obstacleSpecs, margin) => {
          const labels = specs.map((s, i): LabelRequest<Side> => ({
            id: `l${i}`,
            priority: s.priority,
            required: s.required,
            candidates: sidesAround({ x: s.x, y: s.y }, s),
          }));
          const obstacles = obstacleSpecs.map((o, i): Obstacle => ({
            id: `o${i}`,
            box: rect(o.x, o.y, o.width, o.height),
            yieldable: o.yieldable,
          }));
          const { labels: out, covered } = placeLabels({ bounds, margin, labels, obstacles });
          const area = inset(bounds, margin);
          expect(out).toHaveLength(labels.length);
          const shown = out.filter((l) => !l.hidden);
          for (const [i, l] of out.entries()) if (l.hidden) expect(labels[i]!.required).toBe(false);
          const clear = shown.filter((l) => l.clear);
          for (const l of shown) expect(contains(area, l.box!) || !l.clear).toBe(true);
          for (let i = 0; i < clear.length; i++) {
            for (let j = i + 1; j < clear.length; j++) expect(intersects(clear[i]!.box!, clear[j]!.box!)).toBe(false);
            for (const o of obstacles) {
              if (covered.includes(o.id)) expect(o.yieldable).toBe(true);
              else expect(intersects(clear[i]!.box!, o.box)).toBe(false);
            }
          }
          // Optional labels are always clear: they are shown where they fit, or hidden.
          for (const [i, l] of out.entries()) if (!labels[i]!.required && !l.hidden) expect(l.clear).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('obstacles for optional labels only (a border line under a town name)', () => {
  const line = { id: 'border', box: rect(0, 48, 200, 4), optionalOnly: true };
  const candidates = [{ side: 'right', box: rect(50, 40, 60, 16) }];
  it('moves or hides an optional label off it, and leaves a required one where it is', () => {
    const result = placeLabels({
      bounds: rect(0, 0, 200, 100),
      margin: 0,
      obstacles: [line],
      labels: [
        { id: 'town', priority: 1, required: false, candidates },
        { id: 'badge', priority: 0, required: true, candidates: [{ side: 'right', box: rect(120, 40, 60, 16) }] },
      ],
    });
    expect(result.labels[0]!.hidden).toBe(true);
    expect(result.labels[1]).toMatchObject({ hidden: false, clear: true, shift: { dx: 0, dy: 0 } });
  });
});
