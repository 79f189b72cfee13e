import { useId, useState } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectLang } from '../store/selectors.ts';
import { translate } from '../i18n/index.ts';
import { EmbedDialog } from '../embed/embed-dialog.tsx';
import { MapDownloadButton } from '../panel/map-download-button.tsx';
import { PrintButton } from '../panel/print-handout.tsx';

/**
 * The header's tools for reusing the page (embed, map image, handout). Side by side where the
 * header has room; on a phone, behind one "Share" button, so that the header keeps to one row
 * above the headline (a reader on a phone rarely embeds or prints; the tools stay one tap away).
 */
export function ShareTools() {
  const lang = useAppStore(selectLang);
  const [isOpen, setOpen] = useState(false);
  const toolsId = useId();
  return (
    <>
      <button
        type="button"
        className="share-tools-toggle"
        data-testid="share-tools-toggle"
        aria-expanded={isOpen}
        aria-controls={toolsId}
        onClick={() => setOpen(!isOpen)}
      >
        {translate(lang, 'app.shareTools')}
      </button>
      <div id={toolsId} className="share-tools" data-open={isOpen}>
        <EmbedDialog />
        <MapDownloadButton />
        <PrintButton />
      </div>
    </>
  );
}
