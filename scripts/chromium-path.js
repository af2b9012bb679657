// Where the system Chromium is: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';

export const CHROMIUM_INSTALL_HINT =
	'Chromium is needed for the browser tests. On Debian or Ubuntu: sudo apt-get install -y chromium ' +
	'(or set CHROMIUM_PATH to a Chromium or Chrome binary). Do not use "playwright install".';

/** The flags this machine needs: no sandbox as root, and no calls home from a closed network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** The Chromium binary to launch, or undefined when none is installed. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path) => path && existsSync(path));
}

/** The Chromium binary to launch; throws with the install hint when there is none. */
export function chromiumPath() {
	const found = findChromium();
	if (!found) throw new Error(CHROMIUM_INSTALL_HINT);
	return found;
}
