import type { MouseEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectLang } from '../store/selectors.ts';
import { stateHref } from '../store/state-href.ts';
import { LANG_DIR, otherLang, translate } from '../i18n/index.ts';

/**
 * A link to the page in the other language, written in that language. Followed by a script,
 * it switches in place: the selection and the map's view stay as they were, and the URL
 * (src/store/url-sync.ts) gets `?lang=` in a new history entry, so that Back returns to the
 * other language and a reload or a shared link opens in this one.
 */
export function LanguageSwitch() {
  const store = useAppStoreApi();
  const lang = useAppStore(selectLang);
  const target = otherLang(lang);
  // The same page in the other language, every other state kept (an embed stays an embed).
  const href = useAppStore((s) => stateHref(s, { lang: otherLang(s.view.lang) }));

  const switchLanguage = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    store.getState().setLang(target);
  };

  return (
    <a
      className="language-switch"
      data-testid="language-switch"
      href={href}
      hrefLang={target}
      lang={target}
      dir={LANG_DIR[target]}
      title={translate(lang, 'lang.switchLabel')}
      onClick={switchLanguage}
    >
      {translate(lang, 'lang.switchTo')}
    </a>
  );
}
