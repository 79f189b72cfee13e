import type { Party } from '../domain/types.ts';
import { PartyPattern, SVG_DASHES } from '../ui/party-pattern.tsx';

/**
 * The party's map mark in small: its colour, its fill pattern and its line style, drawn the
 * way the map draws them, so the card doubles as the legend.
 */
export function PartySwatch({ party, idPrefix = 'swatch' }: { party: Party; idPrefix?: string }) {
  // One pattern per place it is drawn: ids must be unique in the page.
  const patternId = `${idPrefix}-${party.id}`;
  return (
    <svg className="party-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">
      <defs>
        <PartyPattern party={party} id={patternId} size={6} />
      </defs>
      <rect
        x="1.5"
        y="1.5"
        width="25"
        height="17"
        rx="2"
        fill={`url(#${patternId})`}
        stroke={party.mark.color}
        strokeWidth="2"
        strokeDasharray={SVG_DASHES[party.mark.line]}
      />
    </svg>
  );
}
