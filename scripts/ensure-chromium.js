// Fails early, with the way to fix it, when the browser tests have no Chromium to run.
import { CHROMIUM_INSTALL_HINT, findChromium } from './chromium-path.js';

const found = findChromium();
if (!found) {
	console.error(`\n${CHROMIUM_INSTALL_HINT}\n`);
	process.exit(1);
}
console.log(`Browser tests use ${found}`);
