import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.js';

// E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// a ceiling, not a measure (budgets.spec and the audit measure speed): the longer flows (an
	// instructor and two students, a class inbox) take 18 s alone and twice that on a busy
	// shared 2-core machine, where 30 s timed two of them out in a clean rehearsal
	timeout: 60_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		serviceWorkers: 'allow',
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } } },
		// flows run at phone size; what depends on the layout (tagged @layout) runs at desktop size too
		{ name: 'desktop', grep: /@layout/, use: { viewport: { width: 1280, height: 800 } } }
	],
	webServer: {
		command: `node scripts/start.js`,
		// the test build may reach the sync server the sync tests start (and nothing else)
		env: {
			PORT: String(E2E_PORT),
			HOST: '127.0.0.1',
			SYNC_ORIGIN: process.env.SYNC_ORIGIN ?? 'ws://127.0.0.1:4190'
		},
		url: `http://127.0.0.1:${E2E_PORT}/`,
		reuseExistingServer: false,
		timeout: 180_000
	}
});
