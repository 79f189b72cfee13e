/**
 * A binding ties one concern of the map to the store: it subscribes to what it follows,
 * registers the map events it listens to, and returns one function that undoes all of it.
 * Each binding names the few map methods it uses (a `Pick` of MapLibre's Map), so that the
 * tests can hand it a fake map that fails on any other call (tests/map/).
 */
export type Unbind = () => void;
