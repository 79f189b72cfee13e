/**
 * Share previews for the chosen event: Open Graph and Twitter tags in index.html (the English
 * title and description: crawlers do not run the script that switches to Arabic; the Arabic
 * ones are named as the alternate locale), the share image from the event folder (`share.png`,
 * made by `npm run share-image`), and, when the build knows its public address (`SITE_URL`,
 * e.g. `https://news.example/badia-map/`), absolute URLs and an oembed.json with its discovery
 * link: oEmbed's HTML needs an absolute `src`, so without SITE_URL there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { EVENT_FILES } from '../../src/domain/load-event.ts';
import { buildOEmbed, SHARE_IMAGE_SIZE } from '../../src/embed/oembed.ts';
import { en } from '../../src/i18n/en.ts';
import { resolveSelectedEvent } from './selected-event.ts';

export const SHARE_IMAGE = 'share.png';
const OEMBED_FILE = 'oembed.json';

interface EventHead {
  readonly title: { en: string; ar: string };
  readonly description: { en: string; ar: string };
  readonly caption: { en: string; ar: string };
}

/** `SITE_URL` as an absolute http(s) URL ending in `/`, or null (a bad value is an error, not ignored). */
export function siteUrl(value: string | undefined = process.env.SITE_URL): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL=${JSON.stringify(value)} is not an absolute URL, e.g. https://news.example/badia-map/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be http(s), got ${url.protocol}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function shareMetaPlugin(): Plugin {
  let dir = '';
  let head: EventHead | null = null;
  let site: string | null = null;
  return {
    name: 'share-meta',
    configResolved(config) {
      dir = resolveSelectedEvent(config.root).dir;
      site = siteUrl();
      try {
        head = JSON.parse(readFileSync(join(dir, EVENT_FILES.event), 'utf8')) as EventHead;
      } catch {
        // A malformed event.json is the validator's to report, file, record and field.
        head = null;
      }
    },
    transformIndexHtml() {
      if (!head?.title?.en) return [];
      const hasImage = existsSync(join(dir, SHARE_IMAGE));
      const url = (path: string) => (site ? new URL(path, site).href : path);
      const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({ tag: 'meta', attrs, injectTo: 'head' });
      const tags: HtmlTagDescriptor[] = [
        meta({ property: 'og:type', content: 'article' }),
        meta({ property: 'og:title', content: head.title.en }),
        meta({ property: 'og:description', content: head.description.en }),
        meta({ property: 'og:locale', content: 'en_GB' }),
        meta({ property: 'og:locale:alternate', content: 'ar_SY' }),
        meta({ name: 'twitter:card', content: hasImage ? 'summary_large_image' : 'summary' }),
        meta({ name: 'twitter:title', content: head.title.en }),
        meta({ name: 'twitter:description', content: head.description.en }),
        { tag: 'link', attrs: { rel: 'icon', href: url('favicon.svg'), type: 'image/svg+xml' }, injectTo: 'head' },
      ];
      if (site) tags.push(meta({ property: 'og:url', content: site }));
      if (hasImage) {
        tags.push(
          meta({ property: 'og:image', content: url(SHARE_IMAGE) }),
          meta({ property: 'og:image:width', content: String(SHARE_IMAGE_SIZE.width) }),
          meta({ property: 'og:image:height', content: String(SHARE_IMAGE_SIZE.height) }),
          meta({ property: 'og:image:alt', content: head.caption.en.replace(/\{distance:[^}]*\}/g, '…') }),
          meta({ name: 'twitter:image', content: url(SHARE_IMAGE) }),
        );
      }
      if (site) {
        tags.push({
          tag: 'link',
          attrs: { rel: 'alternate', type: 'application/json+oembed', href: url(OEMBED_FILE), title: head.title.en },
          injectTo: 'head',
        });
      }
      return tags;
    },
    generateBundle() {
      if (!head?.title?.en) return;
      const imagePath = join(dir, SHARE_IMAGE);
      const hasImage = existsSync(imagePath);
      if (hasImage) this.emitFile({ type: 'asset', fileName: SHARE_IMAGE, source: readFileSync(imagePath) });
      if (!site) return;
      const oembed = buildOEmbed({
        siteUrl: site,
        title: head.title.en,
        frameTitle: en['embed.frameTitle'].replace('{title}', head.title.en),
        lang: 'en',
        providerName: head.title.en,
        thumbnailUrl: hasImage ? new URL(SHARE_IMAGE, site).href : null,
      });
      this.emitFile({ type: 'asset', fileName: OEMBED_FILE, source: `${JSON.stringify(oembed, null, 2)}\n` });
    },
  };
}
