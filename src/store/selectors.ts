import type { AppState } from './app-store.ts';

export const selectEvent = (s: AppState) => s.event;
export const selectSelectedPartyId = (s: AppState) => s.selection.partyId;
export const selectLang = (s: AppState) => s.view.lang;
export const selectMapStatus = (s: AppState) => s.view.mapStatus;
/** Camera intent for the map: changes on every selection request, carries who asked. */
export const selectSelectionRequest = (s: AppState) => s.selection;
