import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { snapshotCanvas } from '../../src/map/snapshot.ts';
import { createFakeMap } from './fake-map.ts';

describe('the map snapshot', () => {
  it('asks for a frame and reads the canvas inside that frame, while its drawing buffer is still whole', async () => {
    const png = new Blob(['png'], { type: 'image/png' });
    let readInFrame = false;
    let inFrame = false;
    const fake = createFakeMap(['once', 'off', 'on'] as const, {
      stubs: {
        triggerRepaint: () => {
          inFrame = true;
          fake.fire('render');
          inFrame = false;
        },
        getCanvas: () => ({
          toBlob: (done: (blob: Blob | null) => void, type: string) => {
            readInFrame = inFrame && type === 'image/png';
            done(png);
          },
        }),
      },
    });
    const blob = await snapshotCanvas(fake.map as unknown as Pick<MapLibreMap, 'once' | 'triggerRepaint' | 'getCanvas'>);
    expect(blob).toBe(png);
    expect(readInFrame, 'the canvas was read during the render event').toBe(true);
    expect(fake.callsTo('triggerRepaint')).toHaveLength(1);
    expect(fake.listenerCount()).toBe(0);
  });

  it('fails when the canvas gives no image', async () => {
    const fake = createFakeMap(['once'] as const, {
      stubs: {
        triggerRepaint: () => fake.fire('render'),
        getCanvas: () => ({ toBlob: (done: (blob: Blob | null) => void) => done(null) }),
      },
    });
    await expect(
      snapshotCanvas(fake.map as unknown as Pick<MapLibreMap, 'once' | 'triggerRepaint' | 'getCanvas'>),
    ).rejects.toThrow(/no PNG/);
  });
});
