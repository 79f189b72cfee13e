import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { stateHref } from '../store/state-href.ts';
import { absoluteUrl } from '../store/url-sync.ts';
import { DEFAULT_DISPLAY } from '../store/url-params.ts';
import { localize, translate, type MessageKey } from '../i18n/index.ts';
import { buildEmbedCode, DEFAULT_EMBED_HEIGHT } from './embed-code.ts';

type CopyStatus = 'idle' | 'copied' | 'linkCopied' | 'failed';

/**
 * Copies `text`: through the Clipboard API where the page may, else by selecting it in `field`
 * and the older `copy` command. A frame or a browser may refuse both; then the text is left
 * selected for the reader's own Ctrl+C, and the caller says so.
 */
async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * "Embed": a real modal (the native <dialog>: focus moves in, Esc closes, the rest of the page
 * is inert) that writes the code for the page as it is now, and a link to it.
 */
export function EmbedDialog() {
  const lang = useAppStore(selectLang);
  const event = useAppStore(selectEvent);
  const embedHref = useAppStore((s) => stateHref(s, { display: { ...DEFAULT_DISPLAY, embed: true } }));
  const readerHref = useAppStore((s) => stateHref(s));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [withScript, setWithScript] = useState(true);
  // The contents exist only while open: they hold absolute URLs, which the prerendered page
  // (built before any host is known) cannot know, and the first render must match it.
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState<CopyStatus>('idle');
  const headingId = useId();
  const codeId = useId();
  const linkId = useId();
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);

  const code = buildEmbedCode({
    src: absoluteUrl(embedHref),
    title: t('embed.frameTitle', { title: localize(event.title, lang) }),
    lang,
    height: DEFAULT_EMBED_HEIGHT,
    scriptSrc: withScript ? absoluteUrl('embed.js') : null,
  });
  const link = absoluteUrl(readerHref);

  useEffect(() => {
    if (!isOpen || dialogRef.current?.open) return;
    dialogRef.current?.showModal();
    codeRef.current?.select();
  }, [isOpen]);

  const open = () => {
    setStatus('idle');
    setOpen(true);
  };
  const close = () => dialogRef.current?.close();
  const copy = async (text: string, field: HTMLTextAreaElement | HTMLInputElement | null, done: CopyStatus) => {
    setStatus((await copyText(text, field)) ? done : 'failed');
  };
  const statusText: Record<CopyStatus, string> = {
    idle: '',
    copied: t('embed.copied'),
    linkCopied: t('embed.linkCopied'),
    failed: t('embed.copyFailed'),
  };

  return (
    <>
      <button type="button" className="embed-button" data-testid="embed-button" ref={openerRef} onClick={open}>
        {t('embed.button')}
      </button>
      <dialog
        className="embed-dialog"
        data-testid="embed-dialog"
        ref={dialogRef}
        aria-labelledby={headingId}
        onClose={() => {
          setOpen(false);
          openerRef.current?.focus();
        }}
      >
        {isOpen && (
          <>
            <h2 id={headingId}>{t('embed.dialogTitle')}</h2>
            <p>{t('embed.intro')}</p>
            <label htmlFor={codeId}>{t('embed.codeLabel')}</label>
            <textarea
              id={codeId}
              ref={codeRef}
              className="embed-code"
              data-testid="embed-code"
              dir="ltr"
              readOnly
              rows={14}
              value={code}
              onFocus={(e) => e.currentTarget.select()}
            />
            <label className="embed-option">
              <input type="checkbox" checked={withScript} onChange={(e) => setWithScript(e.currentTarget.checked)} />{' '}
              {t('embed.withScript')}
            </label>
            <div className="embed-actions">
              <button type="button" data-testid="copy-code" onClick={() => void copy(code, codeRef.current, 'copied')}>
                {t('embed.copy')}
              </button>
            </div>
            <label htmlFor={linkId}>{t('embed.linkLabel')}</label>
            <input id={linkId} ref={linkRef} className="embed-link" data-testid="embed-link" dir="ltr" readOnly value={link} />
            <div className="embed-actions">
              <button type="button" data-testid="copy-link" onClick={() => void copy(link, linkRef.current, 'linkCopied')}>
                {t('embed.copyLink')}
              </button>
              <button type="button" className="embed-close" data-testid="embed-close" onClick={close}>
                {t('embed.close')}
              </button>
            </div>
            <p className="embed-status" role="status" data-testid="embed-status">
              {statusText[status]}
            </p>
          </>
        )}
      </dialog>
    </>
  );
}
