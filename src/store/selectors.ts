import type { AppState } from './app-store.ts';

export const selectEvent = (s: AppState) => s.event;
export const selectSelectedPartyId = (s: AppState) => s.selection.partyId;
export const selectLang = (s: AppState) => s.view.lang;
export const selectMapStatus = (s: AppState) => s.view.mapStatus;
/** The selection with who made it: a new object for every selection, even of the same party. */
export const selectSelection = (s: AppState) => s.selection;
