/**
 * Where each label on the map goes: pure geometry, no DOM, no MapLibre (tested in Node).
 *
 * The binding (bindings/markers.ts) measures every label in screen pixels, relative to the
 * map's container, and hands over, for each label, its candidate boxes in order of preference
 * (a place name to the right, left, above or below its dot; a claim badge on the side its
 * claim faces, then the others) together with a priority; and the things labels must not
 * cover: the map's controls, the places' dots, the canvas labels. `placeLabels` then decides.
 *
 * The rule, greedy by priority (the way most newsroom and atlas label engines start):
 *  1. Labels are taken in order of priority (lower first; ties keep the given order): claim
 *     badges and the event's own places before the context towns and the zone's name.
 *  2. Each takes its first candidate that lies inside the map (less `margin` on every side)
 *     and overlaps neither a label already placed nor an obstacle.
 *  3. An optional label (a context town) that has no such candidate is hidden.
 *  4. A required label (a claim badge, an event place) is never hidden: it is moved the least
 *     distance from one of its candidates (searched on a grid out to `maxShift` px) to a free
 *     spot; failing that, it may cover obstacles marked `yieldable` (canvas labels, which the
 *     binding then hides); failing that, it takes the in-bounds spot that overlaps the least,
 *     and is reported with `clear: false`. Labels placed later keep clear of it either way,
 *     so lower priorities are the ones shifted away.
 *  5. If a required label ended `clear: false`, it is moved to the front of the order and the
 *     whole layout is redone (at most once per label); the layout with the fewest such labels
 *     wins. (Two event places a few pixels apart: the one placed second gets first pick.)
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Side = 'right' | 'left' | 'above' | 'below' | 'center';

export interface Candidate<S extends string = string> {
  /** What the binding needs to draw it there (a side, a marker anchor, a point's index…). */
  readonly side: S;
  readonly box: Rect;
}

export interface LabelRequest<S extends string = string> {
  readonly id: string;
  /** Lower goes first. */
  readonly priority: number;
  /** Required labels are always shown (moved if need be); optional ones may be hidden. */
  readonly required: boolean;
  /** In order of preference; at least one for a required label. */
  readonly candidates: readonly Candidate<S>[];
}

export interface Obstacle {
  readonly id: string;
  readonly box: Rect;
  /** May be covered by a required label that has no other room (its owner then hides it). */
  readonly yieldable?: boolean;
  /**
   * Kept clear by optional labels only (a border line under a context town's name): a required
   * label, which must stay by its own mark, does not move for it.
   */
  readonly optionalOnly?: boolean;
}

export interface PlacementInput<S extends string = string> {
  /** The map's box, usually { x: 0, y: 0, width, height } of its container. */
  readonly bounds: Rect;
  /** Space kept free along every edge of `bounds`. */
  readonly margin: number;
  readonly labels: readonly LabelRequest<S>[];
  readonly obstacles: readonly Obstacle[];
  /** How far a required label may be moved off its candidates (px). */
  readonly maxShift?: number;
  /** The grid step of that search (px). */
  readonly shiftStep?: number;
  /** Space kept between two labels (px): boxes are compared grown by half of it. */
  readonly gap?: number;
}

export interface LabelPlacement<S extends string = string> {
  readonly id: string;
  /** The candidate used (after its shift), or null when hidden. */
  readonly side: S | null;
  readonly box: Rect | null;
  /** How far the box was moved off its candidate, in px. */
  readonly shift: { readonly dx: number; readonly dy: number };
  readonly hidden: boolean;
  /** False only for a required label that found no free spot at all. */
  readonly clear: boolean;
}

export interface PlacementResult<S extends string = string> {
  /** One entry per label, in the order given. */
  readonly labels: readonly LabelPlacement<S>[];
  /** Yieldable obstacles some required label had to cover: hide them. */
  readonly covered: readonly string[];
}

export const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

/** Whether two boxes share any area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  const e = 1e-6;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

export const inset = (r: Rect, by: number): Rect => rect(r.x + by, r.y + by, r.width - 2 * by, r.height - 2 * by);
const moved = (r: Rect, dx: number, dy: number): Rect => rect(r.x + dx, r.y + dy, r.width, r.height);

/**
 * The four boxes a place's name can take around its dot at `(x, y)`: right, left, above,
 * below, in `order`. `dotRadius` is the half-width of the dot's box beside which a name
 * starts (12 px: the 24 × 24 px target); `verticalGap` the distance from the point to the
 * name's edge above or below it. These numbers match the CSS of `.place-marker-label`.
 */
export function sidesAround(
  point: { readonly x: number; readonly y: number },
  size: { readonly width: number; readonly height: number },
  order: readonly Exclude<Side, 'center'>[] = ['right', 'left', 'above', 'below'],
  dotRadius = 12,
  verticalGap = 9,
): Candidate<Side>[] {
  const { width: w, height: h } = size;
  const boxes: Record<Exclude<Side, 'center'>, Rect> = {
    right: rect(point.x + dotRadius, point.y - h / 2, w, h),
    left: rect(point.x - dotRadius - w, point.y - h / 2, w, h),
    above: rect(point.x - w / 2, point.y - verticalGap - h, w, h),
    below: rect(point.x - w / 2, point.y + verticalGap, w, h),
  };
  return order.map((side) => ({ side, box: boxes[side] }));
}

/** Offsets within `max` px on a grid of `step`, nearest first (ties in a fixed order). */
function shiftsNearestFirst(max: number, step: number): { dx: number; dy: number; d: number }[] {
  const out: { dx: number; dy: number; d: number }[] = [];
  const n = Math.floor(max / step);
  for (let i = -n; i <= n; i++) {
    for (let j = -n; j <= n; j++) {
      const d = Math.hypot(i * step, j * step);
      if (d > 0 && d <= max) out.push({ dx: i * step, dy: j * step, d });
    }
  }
  return out.sort((a, b) => a.d - b.d || a.dy - b.dy || a.dx - b.dx);
}

export function placeLabels<S extends string>(input: PlacementInput<S>): PlacementResult<S> {
  // Greedy by priority; when that leaves a required label with no free spot, it is placed
  // first and the whole layout redone (once per label at most), keeping the best layout seen.
  const order = input.labels
    .map((label, index) => ({ label, index }))
    .sort((a, b) => a.label.priority - b.label.priority || a.index - b.index)
    .map(({ label }) => label);
  let best: PlacementResult<S> | null = null;
  let bestStuck = Infinity;
  const promoted = new Set<string>();
  for (let round = 0; round <= input.labels.length; round++) {
    const result = greedy(input, order);
    const stuck = result.labels.filter((l) => !l.clear);
    if (stuck.length < bestStuck) {
      best = result;
      bestStuck = stuck.length;
    }
    const next = stuck.find((l) => !promoted.has(l.id));
    if (!next) break;
    promoted.add(next.id);
    const at = order.findIndex((l) => l.id === next.id);
    order.unshift(...order.splice(at, 1));
  }
  return best ?? greedy(input, order);
}

function greedy<S extends string>(input: PlacementInput<S>, order: readonly LabelRequest<S>[]): PlacementResult<S> {
  const { bounds, margin, obstacles } = input;
  const maxShift = input.maxShift ?? 48;
  const step = input.shiftStep ?? 4;
  const half = (input.gap ?? 0) / 2;
  const area = inset(bounds, margin);
  const grown = (r: Rect) => rect(r.x - half, r.y - half, r.width + 2 * half, r.height + 2 * half);

  const placed: Rect[] = [];
  const covered = new Set<string>();
  const result = new Map<string, LabelPlacement<S>>();
  const fits = (box: Rect, ignoreYieldable: boolean, required: boolean) =>
    contains(area, box) &&
    !placed.some((p) => intersects(grown(p), grown(box))) &&
    !obstacles.some(
      (o) => !(ignoreYieldable && o.yieldable) && !(required && o.optionalOnly) && !covered.has(o.id) && intersects(o.box, box),
    );

  const take = (label: LabelRequest<S>, c: Candidate<S>, dx: number, dy: number, clear: boolean) => {
    const box = moved(c.box, dx, dy);
    placed.push(box);
    for (const o of obstacles) if (o.yieldable && intersects(o.box, box)) covered.add(o.id);
    result.set(label.id, { id: label.id, side: c.side, box, shift: { dx, dy }, hidden: false, clear });
  };

  let shifts: { dx: number; dy: number; d: number }[] | undefined;
  for (const label of order) {
    const first = label.candidates.find((c) => fits(c.box, false, label.required));
    if (first) {
      take(label, first, 0, 0, true);
      continue;
    }
    if (!label.required || label.candidates.length === 0) {
      result.set(label.id, { id: label.id, side: null, box: null, shift: { dx: 0, dy: 0 }, hidden: true, clear: true });
      continue;
    }
    shifts ??= shiftsNearestFirst(maxShift, step);
    let done = false;
    // Moved the least: over every candidate, the nearest free spot wins (the earlier candidate on a tie).
    for (const ignoreYieldable of [false, true]) {
      let best: { c: Candidate<S>; dx: number; dy: number; d: number } | null = null;
      for (const c of label.candidates) {
        // A box pushed inside the map first (a label at the right edge slides left), then searched around.
        const pushed = pushInside(c.box, area);
        for (const s of [{ ...pushed, d: Math.hypot(pushed.dx, pushed.dy) }, ...shifts]) {
          if (best && s.d >= best.d) break;
          if (fits(moved(c.box, s.dx, s.dy), ignoreYieldable, true)) {
            best = { c, ...s };
            break;
          }
        }
      }
      if (best) {
        take(label, best.c, best.dx, best.dy, true);
        done = true;
        break;
      }
    }
    if (done) continue;
    // No free spot at all: shown where it overlaps the least, inside the map.
    let least: { c: Candidate<S>; dx: number; dy: number; overlap: number } | null = null;
    for (const c of label.candidates) {
      const { dx, dy } = pushInside(c.box, area);
      const box = moved(c.box, dx, dy);
      const overlap =
        placed.reduce((n, p) => n + overlapArea(p, box), 0) +
        obstacles.reduce((n, o) => n + (o.optionalOnly ? 0 : overlapArea(o.box, box)), 0);
      if (!least || overlap < least.overlap) least = { c, dx, dy, overlap };
    }
    if (least) take(label, least.c, least.dx, least.dy, false);
  }

  return {
    labels: input.labels.map((l) => result.get(l.id)!),
    covered: [...covered],
  };
}

/** The smallest move that brings `box` inside `area` (centred on it when it is too big). */
function pushInside(box: Rect, area: Rect): { dx: number; dy: number } {
  const axis = (start: number, size: number, min: number, room: number) => {
    if (size > room) return min + (room - size) / 2 - start;
    if (start < min) return min - start;
    if (start + size > min + room) return min + room - size - start;
    return 0;
  };
  return { dx: axis(box.x, box.width, area.x, area.width), dy: axis(box.y, box.height, area.y, area.height) };
}
