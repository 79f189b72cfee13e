/**
 * The map's HTML markers: each place (a button that opens its details) and each party's
 * claim badge (a button that selects that version). They are the keyboard and screen-reader
 * route to what the canvas draws, and the browser shapes their Arabic. The badges follow the
 * selection (`aria-pressed`); a rebuilt map (a language switch) gets new ones.
 *
 * Their labels never overlap each other, the map's controls, the places' dots or the canvas's
 * country names, and never cross the map's edge: after every move, resize and rebuild, the
 * labels are measured in the DOM and `placeLabels` (../label-placement.ts) picks each one's
 * side, greedy by priority (badges, then the event's places, then context towns, then the
 * 55 km zone's name). A context town with no room keeps its dot and its accessible name and
 * only its label text is hidden; a badge or an event place is always shown (moved the least,
 * and a country name it has to cover is taken off the canvas instead).
 */
import type { GeoJSON, Position } from 'geojson';
import { Marker, Popup, type GeoJSONSource, type Map as MapLibreMap, type PositionAnchor } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import type { Lang, NewsEvent, Place } from '../../domain/types.ts';
import { LANG_DIR, localize, otherLang, translate } from '../../i18n/index.ts';
import { numberFormat } from '../../i18n/format.ts';
import { anchorFacingAway, type EventSources } from '../event-sources.ts';
import { gapLabelPieces } from '../gap-labels.ts';
import {
  contains,
  intersects,
  placeLabels,
  rect,
  sidesAround,
  type Candidate,
  type LabelRequest,
  type Obstacle,
  type Rect,
  type Side,
} from '../label-placement.ts';
import { COUNTRY_LABEL_LAYER, LABEL_FONT, RING_LABEL_TEXT, SOURCE_IDS, countryLabelText } from '../map-style.ts';
import type { Unbind } from './types.ts';
import { bindHiddenLayersAttribute } from './layers.ts';
import { selectMapTextScale } from './text-scale.ts';

/** Space kept free along the map's edges, and between two labels (px). */
const EDGE_MARGIN = 4;
const LABEL_GAP = 2;
/**
 * Space kept between a label and a map control (px): a badge touching the attribution or
 * "Reset view" reads as part of it, and two targets that touch are easy to mistake on a phone.
 */
const CONTROL_CLEARANCE = 6;
/** Around a canvas label's estimated text: MapLibre's text-padding (2 px) and the halo. */
const CANVAS_PAD = 3;
const PRIORITY = { badge: 0, eventPlace: 1, gap: 2, contextPlace: 3, ring: 4 } as const;
/**
 * Where along a gap's line its label may sit, as fractions of the line, in order of preference:
 * the middle first, then out towards either end.
 */
const GAP_LABEL_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] as const;
const SIDE_CLASSES = ['right', 'left', 'above', 'below', 'center'].map((s) => `place-marker--label-${s}`);

interface PlaceEntry {
  readonly place: Place;
  readonly marker: Marker;
  readonly button: HTMLButtonElement;
  readonly label: HTMLElement;
}

interface BadgeEntry {
  readonly party: string;
  readonly marker: Marker;
  readonly button: HTMLButtonElement;
  /** The anchor the marker was made with: offsets are measured from it. */
  readonly anchor: PositionAnchor;
}

interface GapEntry {
  readonly id: string;
  readonly marker: Marker;
  readonly element: HTMLElement;
  /** The gap's line, from one claim to the other. */
  readonly line: readonly (readonly [number, number])[];
}

interface RingEntry {
  readonly id: string;
  readonly text: string;
  /** Where along the ring its name may go. */
  readonly points: readonly (readonly [number, number])[];
  readonly centre: readonly [number, number];
}

/** Where a ring's name is drawn: a point of the ring and the side of it the text hangs on. */
interface RingSpot {
  readonly lngLat: readonly [number, number];
  readonly anchor: PositionAnchor;
  readonly label: string;
}

interface Outcome {
  /** Country names to take off the canvas: cut by the edge, or under a badge or event place. */
  readonly hiddenCountries: readonly string[];
  readonly ringSpots: readonly RingSpot[];
}

export function bindMarkers(map: MapLibreMap, store: AppStore, sources: EventSources): Unbind {
  // Before the first label layout, which measures the markers as the switches leave them.
  const unbindHiddenLayers = bindHiddenLayersAttribute(map, store);
  const { event, view } = store.getState();
  const lang = view.lang;
  const badges = claimMarkers(event, lang, sources, store);
  const places = placeMarkers(event, lang, map);
  const gaps = gapMarkers(event, lang);
  for (const { marker } of [...places, ...badges, ...gaps]) marker.addTo(map);
  const rings: RingEntry[] = sources.contextRings.features.map((ring) => {
    const points = (ring.geometry.coordinates[0] ?? []).map(([lon, lat]) => [lon ?? 0, lat ?? 0] as const);
    const n = Math.max(1, points.length);
    const centre = [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n] as const;
    return { id: ring.properties.id, text: ring.properties.label, points, centre };
  });

  const showPressed = (partyId: string | null) => {
    for (const badge of badges) {
      const el = badge.button;
      el.setAttribute('aria-pressed', String(el.dataset.party === partyId));
    }
  };
  const unsubscribePressed = store.subscribe((s) => s.selection.partyId, showPressed);
  showPressed(store.getState().selection.partyId);

  // A story chapter marks out the places it speaks of (a ring round their dots).
  const chapterPlaces = (s: ReturnType<AppStore['getState']>) =>
    (s.story.chapter === null ? undefined : s.event.story?.chapters[s.story.chapter]?.places.join(' ')) ?? '';
  const showHighlighted = (ids: string) => {
    const highlighted = new Set(ids.split(' '));
    for (const { place, button } of places) button.classList.toggle('place-marker--highlighted', highlighted.has(place.id));
  };
  const unsubscribeHighlighted = store.subscribe(chapterPlaces, showHighlighted);
  showHighlighted(chapterPlaces(store.getState()));
  const unsubscribe = () => {
    unsubscribePressed();
    unsubscribeHighlighted();
  };

  // What the style starts with: no country name filtered out, no ring label point. A filter
  // set to what it already is would still re-tile the names' source.
  let shownCountries = '[]';
  let shownRings = '';
  let observer: MutationObserver | undefined;
  // The border lines whole, as the basemap file has them: the same obstacles whichever tiles the
  // map has loaded so far (the lines of the loaded tiles made the labels depend on how fast the
  // machine was). MapLibre's worker sends a URL source's data back once it has loaded it; until
  // then the labels are laid out without the borders, and again when they arrive.
  let borders: readonly (readonly Position[])[] = [];
  let bordersAsked = false;
  let unbound = false;
  const learnBorders = () => {
    const source = map.getSource<GeoJSONSource>(SOURCE_IDS.boundaryLines);
    if (bordersAsked || !source) return;
    bordersAsked = true;
    void source.getData().then((data) => {
      if (unbound) return;
      borders = linesOf(data);
      relabel();
    });
  };
  const relabel = () => {
    const outcome = placeAllLabels(
      map,
      lang,
      sources,
      places,
      badges,
      gaps,
      rings,
      borders,
      selectMapTextScale(store.getState()),
    );
    if (outcome === null) return;
    // The legend's switches hide markers through an attribute: their room is freed at once.
    const container = map.getContainer();
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(relabel);
      observer.observe(container, { attributes: true, attributeFilter: ['data-hidden-layers'] });
    }
    // Layers and sources exist once the style has loaded; until then the load event runs this again.
    const countries = JSON.stringify(outcome.hiddenCountries);
    if (countries !== shownCountries && map.getLayer(COUNTRY_LABEL_LAYER)) {
      shownCountries = countries;
      const hidden = [...outcome.hiddenCountries];
      map.setFilter(COUNTRY_LABEL_LAYER, hidden.length ? ['!', ['in', ['get', 'name'], ['literal', hidden]]] : null);
    }
    const ringKey = JSON.stringify(outcome.ringSpots);
    const ringSource = map.getSource<GeoJSONSource>(SOURCE_IDS.contextRingLabels);
    if (ringKey !== shownRings && ringSource) {
      shownRings = ringKey;
      ringSource.setData({
        type: 'FeatureCollection',
        features: outcome.ringSpots.map((spot) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [...spot.lngLat] },
          properties: { label: spot.label, anchor: spot.anchor },
        })),
      });
    }
  };
  map.on('moveend', relabel);
  map.on('resize', relabel);
  // As soon as the style's layers and sources exist, so that the rings' label points reach the
  // worker with the first tiles rather than after the first complete frame ('load', again).
  map.on('style.load', relabel);
  map.on('style.load', learnBorders);
  map.on('load', relabel);
  learnBorders();
  relabel();
  // Presentation mode resizes every label (CSS for these, text-size for the canvas's): measured
  // again once the new styles apply.
  let frame = 0;
  const unsubscribeScale = store.subscribe(selectMapTextScale, () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(relabel);
  });

  return () => {
    unbound = true;
    unbindHiddenLayers();
    unsubscribe();
    unsubscribeScale();
    cancelAnimationFrame(frame);
    map.off('moveend', relabel);
    map.off('resize', relabel);
    map.off('style.load', relabel);
    map.off('style.load', learnBorders);
    map.off('load', relabel);
    observer?.disconnect();
    for (const { marker } of [...places, ...badges, ...gaps]) marker.remove();
  };
}

/**
 * Measures every label and places it (see the file's comment); returns what the canvas must
 * change, or null when the markers are not laid out (yet: not in a document).
 */
function placeAllLabels(
  map: MapLibreMap,
  lang: Lang,
  sources: EventSources,
  places: readonly PlaceEntry[],
  badges: readonly BadgeEntry[],
  gaps: readonly GapEntry[],
  rings: readonly RingEntry[],
  borders: readonly (readonly Position[])[],
  textScale: number,
): Outcome | null {
  const container =
    places[0]?.button.closest<HTMLElement>('.maplibregl-map') ?? badges[0]?.button.closest<HTMLElement>('.maplibregl-map');
  if (!container) return null;
  const origin = container.getBoundingClientRect();
  const bounds = rect(0, 0, container.clientWidth, container.clientHeight);
  if (bounds.width === 0 || bounds.height === 0) return null;
  const local = (r: DOMRect): Rect => rect(r.left - origin.left, r.top - origin.top, r.width, r.height);
  const inView = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= bounds.width && p.y <= bounds.height;

  const obstacles: Obstacle[] = [];
  const controls = [...container.querySelectorAll<HTMLElement>('.maplibregl-ctrl')]
    .map((control) => local(control.getBoundingClientRect()))
    .filter((box) => box.width > 0 && box.height > 0);
  const c = CONTROL_CLEARANCE;
  for (const [i, box] of controls.entries()) {
    obstacles.push({ id: `control-${i}`, box: rect(box.x - c, box.y - c, box.width + 2 * c, box.height + 2 * c) });
  }

  // The borders: a context town's name laid across one reads as if the line struck it through.
  // Badges and the event's places stay by their marks whatever lines run there.
  for (const [i, box] of borderBoxes(map, borders, bounds).entries())
    obstacles.push({ id: `border-${i}`, box, optionalOnly: true });

  const requests: LabelRequest<string>[] = [];
  const apply = new Map<string, (side: string | null, dx: number, dy: number) => void>();

  // Places: the dot stays on the point; the name goes beside it.
  for (const entry of places) {
    const { place, button, label } = entry;
    const box = local(button.getBoundingClientRect());
    if (box.width === 0) continue; // left out at this size (a context town on a phone)
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const dot = button.querySelector<HTMLElement>('.place-marker-dot > span');
    const dotBox = dot && getComputedStyle(dot).display !== 'none' ? local(dot.getBoundingClientRect()) : null;
    if (dotBox && dotBox.width > 0 && inView(point)) obstacles.push({ id: `dot-${place.id}`, box: dotBox });
    const show = (side: string | null, dx: number, dy: number) => {
      button.classList.remove(...SIDE_CLASSES);
      button.classList.toggle('place-marker--label-hidden', side === null);
      if (side === null) return;
      button.classList.add(`place-marker--label-${side}`);
      button.style.setProperty('--label-dx', `${dx}px`);
      button.style.setProperty('--label-dy', `${dy}px`);
    };
    // A context town whose dot the edge cuts is left out whole: a fragment of a dot is no place.
    // So is one whose dot a map control covers (presentation's large "Reset view" over Deir
    // ez-Zor): a target under another cannot be read or pressed (WCAG 2.5.8).
    const dotOrPoint = dotBox ?? rect(point.x, point.y, 0, 0);
    const cut =
      place.role === 'context' && (!contains(bounds, dotOrPoint) || controls.some((control) => intersects(control, dotOrPoint)));
    button.classList.toggle('place-marker--edge', cut);
    if (!inView(point) || cut) {
      show(null, 0, 0); // its place is off the map: its name would hang in from the edge
      continue;
    }
    const size = label.getBoundingClientRect();
    const sides: Exclude<Side, 'center'>[] =
      place.labelSide === 'left' ? ['left', 'right', 'above', 'below'] : ['right', 'left', 'above', 'below'];
    const candidates: Candidate<string>[] = place.approximate
      ? [{ side: 'center', box: rect(point.x - size.width / 2, point.y - size.height / 2, size.width, size.height) }]
      : sidesAround(point, size, sides);
    const id = `place-${place.id}`;
    requests.push({
      id,
      priority: place.role === 'event' ? PRIORITY.eventPlace : PRIORITY.contextPlace,
      required: place.role === 'event',
      candidates,
    });
    apply.set(id, show);
  }

  // Badges: on the side their claim faces first, then the nearest other sides.
  for (const badge of badges) {
    const { marker, button, anchor } = badge;
    const box = local(button.getBoundingClientRect());
    const offset = marker.getOffset();
    const current = anchorBox(anchor, { x: 0, y: 0 }, box);
    // The point the badge hangs from, undoing the offset it was last given.
    const point = { x: box.x - current.x - offset.x, y: box.y - current.y - offset.y };
    const id = `badge-${badge.party}`;
    const hide = !inView(point);
    button.classList.toggle('claim-marker--offscreen', hide);
    if (hide) continue;
    requests.push({
      id,
      priority: PRIORITY.badge,
      required: true,
      candidates: anchorsNear(anchor).map((a) => ({ side: a, box: anchorBox(a, point, box) })),
    });
    apply.set(id, (side, dx, dy) => {
      const chosen = anchorBox((side ?? anchor) as PositionAnchor, point, box);
      const base = anchorBox(anchor, point, box);
      marker.setOffset([Math.round(chosen.x + dx - base.x), Math.round(chosen.y + dy - base.y)]);
    });
  }

  // The measured gaps' labels (shown when the legend's "gaps" switch is on: hidden, they have
  // no size): on the line, its middle first, clear of every other label. A label is moved
  // along its own line rather than beside it, so that it stays on the line it names.
  for (const gap of gaps) {
    const { element, marker, line } = gap;
    const size = element.getBoundingClientRect();
    if (size.width === 0) continue;
    const stops = GAP_LABEL_STOPS.map((f) => line[Math.round(f * (line.length - 1))]!)
      .map((lngLat) => ({ lngLat, p: map.project([...lngLat]) }))
      .filter(({ p }) => inView(p));
    const id = `gap-${gap.id}`;
    if (stops.length === 0) {
      element.classList.add('gap-label--offscreen');
      continue;
    }
    element.classList.remove('gap-label--offscreen');
    requests.push({
      id,
      priority: PRIORITY.gap,
      required: true,
      candidates: stops.map(({ p }, i) => ({ side: String(i), box: anchorBox('center', p, size) })),
    });
    apply.set(id, (side, dx, dy) => {
      const stop = stops[Number(side ?? 0)]!;
      marker.setLngLat([...stop.lngLat]);
      marker.setOffset([Math.round(dx), Math.round(dy)]);
    });
  }

  // The context rings' names (the 55 km zone): one point label on the canvas, beside the ring
  // where it fits whole in the view (a name along the line was cut by the edge or hidden). Its
  // box is estimated from the font, like the countries'.
  const fontList = LABEL_FONT.map((f) => `"${f}"`).join(', ');
  const ringSpots: RingSpot[] = [];
  const ringsShown = !(container.dataset.hiddenLayers ?? '').split(' ').includes('rings');
  for (const ring of ringsShown ? rings : []) {
    const size = {
      width: measureText(ring.text, `${RING_LABEL_TEXT.size * textScale}px ${fontList}`) + 2 * CANVAS_PAD,
      height: RING_LABEL_TEXT.size * textScale * 1.2 + 2 * CANVAS_PAD,
    };
    const centre = map.project([...ring.centre]);
    const spots = ring.points
      .map((lngLat) => ({ lngLat, p: map.project([...lngLat]) }))
      .filter(({ p }) => inView(p))
      .flatMap(({ lngLat, p }) => {
        const bearing = (Math.atan2(p.x - centre.x, centre.y - p.y) * 180) / Math.PI;
        const outside = anchorFacingAway(bearing);
        // Zoomed in, the ring crosses the view and only its inner side may have room.
        const inside = anchorFacingAway(bearing + 180);
        return [
          { lngLat, anchor: outside, box: anchorBox(outside, p, size), order: Math.abs(bearing) },
          { lngLat, anchor: inside, box: anchorBox(inside, p, size), order: 360 + Math.abs(bearing) },
        ];
      })
      // Outside the ring before inside; north first, then round either way: the ring's title.
      .sort((a, b) => a.order - b.order);
    const id = `ring-${ring.id}`;
    requests.push({
      id,
      priority: PRIORITY.ring,
      required: false,
      candidates: spots.map((spot, i) => ({ side: String(i), box: spot.box })),
    });
    apply.set(id, (side) => {
      const spot = side === null ? undefined : spots[Number(side)];
      if (spot) ringSpots.push({ lngLat: spot.lngLat, anchor: spot.anchor, label: ring.text });
    });
  }

  // The canvas's country names: their boxes estimated from the font (MapLibre does not expose
  // them). One that would be cut by the edge is taken off; the others are obstacles that a
  // badge or an event place may still cover, and is then taken off too.
  const edgeCut: string[] = [];
  const base = countryLabelText(lang);
  const text = { size: base.size * textScale, letterSpacing: base.letterSpacing };
  for (const feature of sources.mapLabels.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = map.project([lon ?? 0, lat ?? 0]);
    const name = feature.properties.name;
    const width = measureText(name, `${text.size}px ${fontList}`) + text.letterSpacing * text.size * name.length;
    const height = text.size * 1.2;
    const box = rect(
      p.x - width / 2 - CANVAS_PAD,
      p.y - height / 2 - CANVAS_PAD,
      width + 2 * CANVAS_PAD,
      height + 2 * CANVAS_PAD,
    );
    if (!intersects(box, bounds)) continue; // out of view: not drawn
    const underControl = controls.some((control) => intersects(control, box));
    if (!contains(bounds, box) || underControl) edgeCut.push(name);
    else obstacles.push({ id: `country:${name}`, box, yieldable: true });
  }

  const result = placeLabels({ bounds, margin: EDGE_MARGIN, gap: LABEL_GAP, labels: requests, obstacles });
  for (const placed of result.labels) apply.get(placed.id)?.(placed.side, placed.shift.dx, placed.shift.dy);
  const covered = result.covered.filter((id) => id.startsWith('country:')).map((id) => id.slice('country:'.length));
  return { hiddenCountries: [...new Set([...edgeCut, ...covered])].sort(), ringSpots };
}

/** How long a piece of a border line each obstacle box covers, in px. */
const BORDER_PIECE = 8;

/** The lines of a GeoJSON object's line geometries (anything else has none). */
function linesOf(data: GeoJSON): Position[][] {
  const features = data.type === 'FeatureCollection' ? data.features : data.type === 'Feature' ? [data] : [];
  return features.flatMap(({ geometry: g }) =>
    g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [],
  );
}

/** The box of the line from `a` to `b` and 1 px either side. */
function strokeBox(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return rect(Math.min(a.x, b.x) - 1, Math.min(a.y, b.y) - 1, Math.abs(b.x - a.x) + 2, Math.abs(b.y - a.y) + 2);
}

/** The border lines in view as small boxes along them, each covering BORDER_PIECE px of line and 1 px either side. */
function borderBoxes(map: MapLibreMap, lines: readonly (readonly Position[])[], bounds: Rect): Rect[] {
  const boxes: Rect[] = [];
  for (const line of lines) {
    const points = line.map(([lon, lat]) => map.project([lon ?? 0, lat ?? 0]));
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      if (!intersects(strokeBox(a, b), bounds)) continue;
      const pieces = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / BORDER_PIECE));
      for (let k = 0; k < pieces; k++) {
        const [p, q] = [k / pieces, (k + 1) / pieces].map((t) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }));
        const box = strokeBox(p!, q!);
        if (intersects(box, bounds)) boxes.push(box);
      }
    }
  }
  return boxes;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in `font`, as a canvas draws it (0 where there is no canvas). */
function measureText(text: string, font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return 0;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** The box of an element of `size` hung from `point` by a marker anchored at `anchor`. */
function anchorBox(anchor: PositionAnchor, point: { x: number; y: number }, size: { width: number; height: number }): Rect {
  const { width: w, height: h } = size;
  const fx = anchor.includes('left') ? 0 : anchor.includes('right') ? 1 : 0.5;
  const fy = anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? 1 : 0.5;
  return rect(point.x - fx * w, point.y - fy * h, w, h);
}

const AROUND: PositionAnchor[] = ['bottom', 'bottom-left', 'left', 'top-left', 'top', 'top-right', 'right', 'bottom-right'];
/** `anchor` first, then the other sides by how far round they are from it; a centred one last. */
function anchorsNear(anchor: PositionAnchor): PositionAnchor[] {
  const at = AROUND.indexOf(anchor);
  if (at < 0) return [anchor, ...AROUND];
  const order = [0, 1, -1, 2, -2, 3, -3, 4];
  return [...order.map((d) => AROUND[(at + d + 8) % 8]!), 'center'];
}

/**
 * Marks an element's text as written in `lang`. The map pins itself to left-to-right (its
 * controls and markers are placed in pixels); its labels and popups take their direction back.
 */
function writtenIn(element: HTMLElement, lang: Lang): void {
  element.lang = lang;
  element.dir = LANG_DIR[lang];
}

/** Event and context places as HTML markers: shaped by the browser, reachable by keyboard. */
function placeMarkers(event: NewsEvent, lang: Lang, map: MapLibreMap): PlaceEntry[] {
  // One place's details open at a time; the marker toggles them (mouse, Enter or Space), Escape closes.
  let openPopup: Popup | null = null;
  return event.places
    .filter((place) => place.geometry.type === 'Point')
    .map((place) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = [
        'place-marker',
        `place-marker--${place.role}`,
        `place-marker--label-${place.approximate ? 'center' : place.labelSide}`,
        ...(place.approximate ? ['place-marker--approximate'] : []),
      ].join(' ');
      button.dataset.testid = 'place-marker';
      button.dataset.place = place.id;
      // The dot sits in a 24 × 24 px box centred on the place: the marker stays a usable
      // target when its name is hidden; the name is laid beside it (see app.css).
      const dot = document.createElement('span');
      dot.className = 'place-marker-dot';
      dot.setAttribute('aria-hidden', 'true');
      dot.append(document.createElement('span'));
      const label = document.createElement('span');
      label.className = 'place-marker-label';
      writtenIn(label, lang);
      label.textContent = place.approximate ? `≈ ${localize(place.name, lang)}` : localize(place.name, lang);
      button.append(dot, label);
      button.setAttribute('aria-label', placeDescription(place, lang));
      button.setAttribute('aria-expanded', 'false');
      // Not Marker.setPopup: its toggle listens to the map's click, which a marker's own
      // button must not trigger (it would also count as a click on the claim underneath).
      const popup = new Popup({ offset: 14, closeButton: true, closeOnClick: false, focusAfterOpen: false, maxWidth: '260px' })
        .setLngLat([...place.anchor])
        .setDOMContent(placePopupContent(place, lang));
      popup.on('open', () => button.setAttribute('aria-expanded', 'true'));
      popup.on('close', () => button.setAttribute('aria-expanded', 'false'));
      button.addEventListener('click', () => {
        const wasOpen = popup.isOpen();
        openPopup?.remove();
        openPopup = wasOpen ? null : popup.addTo(map);
      });
      button.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && popup.isOpen()) popup.remove();
      });
      // The dot's centre, 12 px into its box, is the place's position.
      const marker = new Marker({ element: button, anchor: 'center' }).setLngLat([...place.anchor]);
      return { place, marker, button, label };
    });
}

function placeDescription(place: Place, lang: Lang): string {
  const name = localize(place.name, lang);
  return place.approximate ? `${name} (${translate(lang, 'map.approximate')})` : name;
}

/**
 * The place's precision as a sentence ("Located to within about 2 km."), then the rest of its
 * note, without the "±2 km." the data starts it with.
 */
export function precisionSentence(place: Place, lang: Lang): string {
  const note = localize(place.precision, lang);
  if (place.precisionKm === null) return note;
  const km = numberFormat(lang, { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    place.precisionKm,
  );
  const rest = note.replace(/^\s*±\s*[\d.,]+\s*(?:km|كم)\.?\s*/u, '');
  const sentence = translate(lang, 'map.locatedWithin', { km });
  return rest ? `${sentence} ${rest}` : sentence;
}

function placePopupContent(place: Place, lang: Lang): HTMLElement {
  const root = document.createElement('div');
  root.className = 'place-popup';
  writtenIn(root, lang);
  const title = document.createElement('strong');
  title.textContent = localize(place.name, lang);
  const otherName = document.createElement('bdi');
  const other = otherLang(lang);
  writtenIn(otherName, other);
  otherName.className = 'place-popup-other';
  otherName.textContent = place.name[other];
  const note = document.createElement('p');
  note.textContent = precisionSentence(place, lang);
  root.append(title, ' ', otherName, note);
  return root;
}

/**
 * A label per measured gap, naming its two claims and the distance ("SANA ↔ SOHR: 65–190 km").
 * Text, not a control: the same measures are in the comparison's list of gaps, where a screen
 * reader meets them in order. Shown with the legend's "gaps" layer (see app.css).
 */
function gapMarkers(event: NewsEvent, lang: Lang): GapEntry[] {
  return event.derived.gapLines.features.map((feature) => {
    const element = document.createElement('div');
    element.className = 'gap-label';
    element.dataset.testid = 'gap-label';
    element.dataset.gap = feature.properties.id;
    writtenIn(element, lang);
    // Each name and the range isolated (<bdi>, direction from its own text): "65–190 كم" stays
    // lowest-first for its reader whatever script a party's short name is written in.
    element.append(
      ...gapLabelPieces(event, feature.properties, lang).map(({ text, isolated }) => {
        if (!isolated) return text;
        const bdi = document.createElement('bdi');
        bdi.textContent = text;
        return bdi;
      }),
    );
    const line = feature.geometry.coordinates.map(([lon, lat]) => [lon ?? 0, lat ?? 0] as const);
    const middle = line[Math.floor(line.length / 2)] ?? [0, 0];
    const marker = new Marker({ element, anchor: 'center' }).setLngLat([...middle]);
    return { id: feature.properties.id, marker, element, line };
  });
}

/** One badge per party on its claimed geometry: the keyboard route to the map's claims. */
function claimMarkers(event: NewsEvent, lang: Lang, sources: EventSources, store: AppStore): BadgeEntry[] {
  return sources.claimAnchors.features.flatMap((anchorPoint) => {
    const party = event.parties.find((p) => p.id === anchorPoint.properties.party);
    const version = event.versions.find((v) => v.party === anchorPoint.properties.party);
    if (!party || !version) return [];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `claim-marker claim-marker--${party.mark.line}`;
    button.dataset.testid = 'claim-marker';
    button.dataset.party = party.id;
    button.style.setProperty('--party-color', party.mark.color);
    writtenIn(button, lang);
    const badge = `${localize(party.shortName, lang)}: ${translate(lang, 'map.claimBadge')}`;
    button.textContent = badge;
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute(
      'aria-label',
      translate(lang, 'map.claimMarkerLabel', { badge, place: localize(version.place.label, lang) }),
    );
    button.addEventListener('click', () => store.getState().selectParty(party.id, 'map'));
    const [lon, lat] = anchorPoint.geometry.coordinates;
    // Hung outside the claim, on the side its point faces, so that it covers neither the
    // claim's own label nor the places inside it (another side if that one is taken).
    const anchor = anchorFacingAway(anchorPoint.properties.outwardBearing);
    const marker = new Marker({ element: button, anchor }).setLngLat([lon ?? 0, lat ?? 0]);
    return [{ party: party.id, marker, button, anchor }];
  });
}
