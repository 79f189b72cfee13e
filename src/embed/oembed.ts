/**
 * oEmbed (oembed.com, §2.3.4.4 `rich`) for the page's default view: what WordPress, Ghost and
 * other consumers read, through the page's discovery `<link>`, to embed the map from its URL.
 * A static file describes one view; a newsroom's server could answer per URL instead.
 */
import { buildEmbedCode, DEFAULT_EMBED_HEIGHT } from './embed-code.ts';

export interface OEmbedInput {
  /** The page's absolute URL, ending in `/`: the frame opens `<siteUrl>?embed=1`. */
  readonly siteUrl: string;
  readonly title: string;
  readonly frameTitle: string;
  readonly lang: string;
  readonly providerName: string;
  /** The share image's absolute URL, when there is one. */
  readonly thumbnailUrl: string | null;
}

export interface OEmbedResponse {
  readonly version: '1.0';
  readonly type: 'rich';
  readonly title: string;
  readonly provider_name: string;
  readonly provider_url: string;
  readonly html: string;
  readonly width: number;
  readonly height: number;
  readonly thumbnail_url?: string;
  readonly thumbnail_width?: number;
  readonly thumbnail_height?: number;
}

/** The width the oEmbed response states: consumers scale the frame to their column anyway. */
const OEMBED_WIDTH = 640;
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export function buildOEmbed(input: OEmbedInput): OEmbedResponse {
  const src = new URL('?embed=1', input.siteUrl).href;
  return {
    version: '1.0',
    type: 'rich',
    title: input.title,
    provider_name: input.providerName,
    provider_url: input.siteUrl,
    html: buildEmbedCode({
      src,
      title: input.frameTitle,
      lang: input.lang,
      height: DEFAULT_EMBED_HEIGHT,
      scriptSrc: new URL('embed.js', input.siteUrl).href,
    }),
    width: OEMBED_WIDTH,
    height: DEFAULT_EMBED_HEIGHT,
    ...(input.thumbnailUrl
      ? {
          thumbnail_url: input.thumbnailUrl,
          thumbnail_width: SHARE_IMAGE_SIZE.width,
          thumbnail_height: SHARE_IMAGE_SIZE.height,
        }
      : {}),
  };
}
