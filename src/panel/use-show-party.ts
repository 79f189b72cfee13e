import { useAppStoreApi } from '../store/store-context.tsx';

/**
 * What every "Show on map" control does, wherever it sits (a card, a table column, a timeline
 * entry): shows the party's version and frames its place; pressed again, lets go of it.
 */
export function useShowPartyToggle(): (partyId: string) => void {
  const store = useAppStoreApi();
  return (partyId) => {
    const { selection, showParty, selectParty } = store.getState();
    if (selection.partyId === partyId) selectParty(null, 'panel');
    else showParty(partyId);
  };
}
