/**
 * A stand-in for MapLibre's Map, for testing the bindings in Node (no WebGL, no DOM). It
 * records every call, keeps a camera and event listeners like the real one, and throws on any
 * method the test did not allow: a binding that starts calling something new fails loudly
 * instead of passing by accident (react-map-gl tests its wrapper the same way).
 *
 * Camera moves settle at once and fire `movestart` then `moveend` synchronously, as MapLibre
 * does for a jump; an animated move is recorded with its duration and settles at once too.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../../src/domain/camera.ts';

export interface FakeCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface FakeMapOptions {
  /** What `queryRenderedFeatures` answers. */
  readonly renderedFeatures?: readonly { properties: Record<string, unknown> }[];
  readonly center?: { lng: number; lat: number };
  readonly zoom?: number;
  /** The style's global state the map was created with (`setGlobalStateProperty` changes it). */
  readonly globalState?: Readonly<Record<string, unknown>>;
  /** More members the test allows: functions are recorded like the built-in ones, other values returned as they are. */
  readonly stubs?: Readonly<Record<string, unknown>>;
}

export interface FakeMap<K extends keyof MapLibreMap> {
  /** The fake, typed as the part of MapLibre's Map the binding under test uses. */
  readonly map: Pick<MapLibreMap, K>;
  /** Every call the binding made, in order (listener registration included). */
  readonly calls: FakeCall[];
  /** The calls to `method` only. */
  callsTo(method: string): FakeCall[];
  /** Fires a map event at the listeners, as MapLibre would. */
  fire(type: string, event?: Record<string, unknown>): void;
  /** Listeners still registered, over all event types (`once` included until fired). */
  listenerCount(): number;
  readonly canvasStyle: Record<string, string>;
}

type Listener = (event: Record<string, unknown>) => void;

export function createFakeMap<K extends keyof MapLibreMap>(allowed: readonly K[], options: FakeMapOptions = {}): FakeMap<K> {
  const calls: FakeCall[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const onceListeners = new Map<string, Set<Listener>>();
  const canvasStyle: Record<string, string> = {};
  const globalState: Record<string, unknown> = { ...options.globalState };
  let center = options.center ?? { lng: 38, lat: 34.5 };
  let zoom = options.zoom ?? 6;
  let bearing = 0;

  const fire = (type: string, event: Record<string, unknown> = {}) => {
    const payload = { type, ...event };
    for (const fn of [...(listeners.get(type) ?? [])]) fn(payload);
    const once = [...(onceListeners.get(type) ?? [])];
    onceListeners.delete(type);
    for (const fn of once) fn(payload);
  };
  const settle = (next: { lng: number; lat: number; zoom?: number; bearing?: number }) => {
    fire('movestart');
    center = { lng: next.lng, lat: next.lat };
    zoom = next.zoom ?? zoom;
    bearing = next.bearing ?? bearing;
    fire('moveend');
  };
  const addTo = (table: Map<string, Set<Listener>>, type: string, fn: Listener) => {
    if (!table.has(type)) table.set(type, new Set());
    table.get(type)!.add(fn);
  };
  const asListener = (args: unknown[]): [string, Listener] => {
    // on(type, listener) or on(type, layerId, listener): the bindings use the first form.
    if (args.length !== 2 || typeof args[0] !== 'string' || typeof args[1] !== 'function') {
      throw new Error(`fake map: unsupported listener arguments ${JSON.stringify(args.map((a) => typeof a))}`);
    }
    return [args[0], args[1] as Listener];
  };

  const methods: Record<string, (...args: unknown[]) => unknown> = {
    on: (...args) => {
      const [type, fn] = asListener(args);
      addTo(listeners, type, fn);
    },
    once: (...args) => {
      const [type, fn] = asListener(args);
      addTo(onceListeners, type, fn);
    },
    off: (...args) => {
      const [type, fn] = asListener(args);
      listeners.get(type)?.delete(fn);
      onceListeners.get(type)?.delete(fn);
    },
    fitBounds: (bounds) => {
      const [west, south, east, north] = bounds as [number, number, number, number];
      settle({ lng: (west + east) / 2, lat: (south + north) / 2, zoom: 6.5 });
    },
    jumpTo: (camera) => {
      const { center: c, zoom: z, bearing: b } = camera as { center: [number, number]; zoom: number; bearing: number };
      settle({ lng: c[0], lat: c[1], zoom: z, bearing: b });
    },
    easeTo: (camera) => methods.jumpTo!(camera),
    getCenter: () => ({ ...center }),
    getZoom: () => zoom,
    getBearing: () => bearing,
    setGlobalStateProperty: (name, value) => {
      globalState[String(name)] = value;
    },
    getGlobalState: () => ({ ...globalState }),
    queryRenderedFeatures: () => options.renderedFeatures ?? [],
    getCanvas: () => ({ style: canvasStyle }),
    // Recorded only: listeners stay, so a test sees whether the bindings let go of theirs.
    remove: () => undefined,
  };
  const stubs = options.stubs ?? {};

  const allowedSet = new Set<string>(allowed as readonly string[]);
  const map = new Proxy(
    {},
    {
      get(_target, property) {
        const name = String(property);
        // Promise-likeness and inspection probes are not calls a binding makes.
        if (name === 'then' || typeof property === 'symbol') return undefined;
        if (!allowedSet.has(name) && !(name in stubs)) throw new Error(`fake map: unexpected access to map.${name}`);
        const stub = stubs[name];
        if (stub !== undefined && typeof stub !== 'function') return stub;
        const impl = (stub as ((...args: unknown[]) => unknown) | undefined) ?? methods[name];
        if (!impl) throw new Error(`fake map: map.${name} is allowed but not implemented by the fake`);
        return (...args: unknown[]) => {
          calls.push({ method: name, args });
          return impl(...args);
        };
      },
    },
  ) as Pick<MapLibreMap, K>;

  return {
    map,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fire,
    listenerCount: () => [...listeners.values(), ...onceListeners.values()].reduce((n, set) => n + set.size, 0),
    canvasStyle,
  };
}

/** MapLibre's `[west, south, east, north]` form of a bounds pair. */
export function flatBounds([[west, south], [east, north]]: Bounds): [number, number, number, number] {
  return [west, south, east, north];
}
