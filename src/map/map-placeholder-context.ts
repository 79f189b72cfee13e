import { createContext } from 'react';

/**
 * The prerendered drawing of the map's opening view (src/map/map-placeholder.tsx), as HTML: the
 * build renders it into index.html, and the browser hands the same markup back to React from
 * the page itself (src/main.tsx), so the page's JavaScript never carries it. Null where there is
 * none (the dev server).
 */
export const MapPlaceholderContext = createContext<string | null>(null);
