import type { Party } from '../domain/types.ts';

/** A party's line style as an SVG dash array (the WebGL map has its own, in map-style.ts). */
export const SVG_DASHES: Record<Party['mark']['line'], string | undefined> = {
  solid: undefined,
  dashed: '5 3',
  dotted: '1.5 2.5',
};

/**
 * A party's fill pattern as an SVG <pattern>, for the card swatch and the static map alike,
 * so that both show the mark the WebGL map draws.
 */
export function PartyPattern({ party, id, size }: { party: Party; id: string; size: number }) {
  const { color, fill } = party.mark;
  const half = size / 2;
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse">
      {fill === 'hatch' && <path d={`M-1 ${size + 1} L${size + 1} -1`} stroke={color} strokeWidth="1.4" />}
      {fill === 'dots' && <circle cx={half} cy={half} r={size * 0.2} fill={color} />}
      {fill === 'cross' && <path d={`M0 ${half} H${size} M${half} 0 V${size}`} stroke={color} strokeWidth="1.1" />}
    </pattern>
  );
}
