import { useId, useState } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectLang, selectMapStatus } from '../store/selectors.ts';
import type { MapStatus } from '../store/app-store.ts';
import { translate, type MessageKey } from '../i18n/index.ts';
import { currentMap } from '../map/map-handle.ts';

/** Why there is nothing to save, for each map status but the interactive one. */
const UNAVAILABLE: Readonly<Record<Exclude<MapStatus, 'idle'>, MessageKey>> = {
  loading: 'download.waitLoading',
  paused: 'download.waitPaused',
  static: 'download.noStatic',
  error: 'download.noError',
};

/** How long the file's object URL is kept: the download has started long before. */
const REVOKE_AFTER_MS = 60_000;

/** Hands `file` to the browser's downloads, under its own name. */
function saveFile(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

type Progress = { kind: 'ready' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'failed' };

/**
 * "Download map (PNG)": the map as it is on screen, with its title, legend, scale and
 * attribution, as a file (the map handle's `exportPng`). Only the interactive map can be
 * drawn at a higher resolution; until there is one the button stays focusable but inert
 * (`aria-disabled`), described by the reason, so a screen reader hears why.
 */
export function MapDownloadButton() {
  const lang = useAppStore(selectLang);
  const status = useAppStore(selectMapStatus);
  const [progress, setProgress] = useState<Progress>({ kind: 'ready' });
  const reasonId = useId();
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);
  const isAvailable = status === 'idle';
  const isBusy = progress.kind === 'working';

  const download = async () => {
    const map = currentMap();
    if (!isAvailable || isBusy || !map) return;
    setProgress({ kind: 'working' });
    try {
      const file = await map.exportPng();
      saveFile(file);
      setProgress({ kind: 'done', file: file.name });
    } catch (error) {
      // Said to the reader below; a warning, not an error: the page itself is fine.
      console.warn('The map image could not be made:', error);
      setProgress({ kind: 'failed' });
    }
  };

  const message =
    progress.kind === 'working'
      ? t('download.working')
      : progress.kind === 'done'
        ? t('download.done', { file: progress.file })
        : progress.kind === 'failed'
          ? t('download.failed')
          : '';

  return (
    <>
      <button
        type="button"
        className="map-download-button"
        data-testid="map-download"
        aria-disabled={!isAvailable || isBusy}
        aria-describedby={isAvailable ? undefined : reasonId}
        onClick={() => void download()}
      >
        {t('download.button')}
      </button>
      {!isAvailable && (
        <span id={reasonId} className="visually-hidden">
          {t(UNAVAILABLE[status])}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {message}
      </span>
    </>
  );
}
