import type { Plugin } from 'vite';

/** Stops `vite build` and `vite dev` when anything in data/ is malformed. (Filled in by the loader work.) */
export function validateDataPlugin(): Plugin {
  return { name: 'validate-data' };
}
