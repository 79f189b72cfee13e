import { createContext, useContext, type ReactNode } from 'react';

/**
 * Where an embed puts something of its own into a party's card (the small map of the claim,
 * src/embed/claim-inset.tsx): the card asks for its party's and gets nothing outside an embed.
 * A context rather than an import, so the reader's cards carry no embed code.
 */
export const CardInsetContext = createContext<((partyId: string) => ReactNode) | null>(null);

export function CardInsetSlot({ partyId }: { partyId: string }) {
  const inset = useContext(CardInsetContext);
  return inset ? inset(partyId) : null;
}
