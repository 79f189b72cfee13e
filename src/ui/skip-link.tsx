import type { MouseEvent } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectLang } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';

/**
 * The page's first Tab stop: "Skip the map", shown when it has focus, which moves focus past the
 * header and the map's own stops (every place, badge and control) to `targetId`, so the next Tab
 * reaches the first version (WCAG 2.4.1). Landmarks alone do not help a sighted keyboard user.
 * Before the scripts run it is a plain in-page link; after, it moves focus without touching the
 * URL, which the store owns.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const lang = useAppStore(selectLang);
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    e.preventDefault();
    target.focus();
  };
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={skip}>
      {translate(lang, 'app.skipMap')}
    </a>
  );
}
