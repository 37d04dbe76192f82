/** Redraws appPackage/color.png and appPackage/outline.png (`npx tsx scripts/draw-icons.ts`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './lib/app-package/icons';

const dir = join(__dirname, '..', 'appPackage');
writeFileSync(join(dir, 'color.png'), drawColorIcon());
writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
console.log(`Wrote ${join('appPackage', 'color.png')} (192×192) and ${join('appPackage', 'outline.png')} (32×32).`);
