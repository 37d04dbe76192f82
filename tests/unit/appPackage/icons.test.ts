import { PNG } from 'pngjs';
import { checkIcon, drawColorIcon, drawOutlineIcon } from '../../../scripts/lib/app-package/icons';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const APP_PACKAGE = join(__dirname, '..', '..', '..', 'appPackage');

describe('icons', () => {
  it('draws a 192×192 opaque color icon and a 32×32 white-on-transparent outline', () => {
    const color = PNG.sync.read(drawColorIcon());
    expect([color.width, color.height]).toEqual([192, 192]);
    // Full colour: the centre of the background is the accent colour, fully opaque.
    expect([...color.data.subarray((10 * 192 + 96) * 4, (10 * 192 + 96) * 4 + 4)]).toEqual([0x1f, 0x5f, 0x8b, 255]);

    const outline = PNG.sync.read(drawOutlineIcon());
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) if ((outline.data[i + 3] ?? 0) > 0) visible += 1;
    expect(visible).toBeGreaterThan(50); // there is a mark
    expect(visible).toBeLessThan((32 * 32) / 2); // and mostly transparency around it

    expect(checkIcon('color', 'color.png', drawColorIcon())).toEqual([]);
    expect(checkIcon('outline', 'outline.png', drawOutlineIcon())).toEqual([]);
  });

  it('the committed icons are the drawn ones', () => {
    expect(readFileSync(join(APP_PACKAGE, 'color.png')).equals(drawColorIcon())).toBe(true);
    expect(readFileSync(join(APP_PACKAGE, 'outline.png')).equals(drawOutlineIcon())).toBe(true);
  });

  it('rejects wrong sizes, coloured or opaque outlines and a file that is not a PNG', () => {
    expect(checkIcon('outline', 'outline.png', drawColorIcon())).toEqual([
      { file: 'outline.png', message: 'must be 32×32 pixels, is 192×192' },
      { file: 'outline.png', message: expect.stringMatching(/^must be white on transparent; \d+ pixel\(s\) are not white$/) },
    ]);
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    expect(checkIcon('outline', 'outline.png', PNG.sync.write(opaque))).toEqual([
      { file: 'outline.png', message: 'must have a transparent background; no pixel is transparent' },
    ]);
    expect(checkIcon('color', 'color.png', drawOutlineIcon())).toEqual([{ file: 'color.png', message: 'must be 192×192 pixels, is 32×32' }]);
    expect(checkIcon('color', 'color.png', Buffer.from('GIF89a'))[0]?.message).toMatch(/^is not a readable PNG/);
  });
});
