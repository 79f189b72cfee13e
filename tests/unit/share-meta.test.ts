import { describe, expect, it } from 'vitest';
import { buildOEmbed, SHARE_IMAGE_SIZE } from '../../src/embed/oembed.ts';
import { siteUrl } from '../../scripts/vite-plugins/share-meta.ts';

describe('oEmbed for the default view', () => {
  const input = {
    siteUrl: 'https://news.example/maps/badia/',
    title: 'One strike, three versions',
    frameTitle: 'Interactive map: One strike, three versions',
    lang: 'en',
    providerName: 'One strike, three versions',
    thumbnailUrl: 'https://news.example/maps/badia/share.png',
  };

  it('is a rich response with the fields the spec requires, and an embed of our own page', () => {
    const oembed = buildOEmbed(input);
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: 640, title: input.title });
    expect(oembed.height).toBeGreaterThan(0);
    expect(oembed.html).toContain('src="https://news.example/maps/badia/?embed=1"');
    expect(oembed.html).toContain('title="Interactive map: One strike, three versions"');
    expect(oembed.html).toContain('<script src="https://news.example/maps/badia/embed.js" async></script>');
    expect(oembed).toMatchObject({ thumbnail_url: input.thumbnailUrl, thumbnail_width: SHARE_IMAGE_SIZE.width });
  });

  it('has no thumbnail fields without a share image', () => {
    expect(Object.keys(buildOEmbed({ ...input, thumbnailUrl: null }))).not.toContain('thumbnail_url');
  });
});

describe('SITE_URL', () => {
  it('is optional, gains a trailing slash, and must be an absolute http(s) URL', () => {
    expect(siteUrl(undefined)).toBeNull();
    expect(siteUrl('  ')).toBeNull();
    expect(siteUrl('https://news.example/maps/badia')).toBe('https://news.example/maps/badia/');
    expect(() => siteUrl('news.example/maps')).toThrow(/not an absolute URL/);
    expect(() => siteUrl('ftp://news.example/')).toThrow(/http\(s\)/);
  });
});
