import type { Party } from '../domain/types.ts';

/**
 * The party's map mark in small: its colour, its fill pattern and its line style, drawn the
 * way the map draws them, so the card doubles as the legend.
 */
export function PartySwatch({ party }: { party: Party }) {
  const { color, fill, line } = party.mark;
  const patternId = `swatch-${party.id}`;
  const dash = line === 'dashed' ? '5 3' : line === 'dotted' ? '1.5 2.5' : undefined;
  return (
    <svg className="party-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse">
          {fill === 'hatch' && <path d="M-1 7 L7 -1" stroke={color} strokeWidth="1.4" />}
          {fill === 'dots' && <circle cx="3" cy="3" r="1.3" fill={color} />}
          {fill === 'cross' && <path d="M0 3 H6 M3 0 V6" stroke={color} strokeWidth="1.1" />}
        </pattern>
      </defs>
      <rect x="1.5" y="1.5" width="25" height="17" rx="2" fill={`url(#${patternId})`} stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}
