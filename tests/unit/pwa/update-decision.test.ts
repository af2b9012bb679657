// An update activated from one tab reloads that tab only: a tab whose learner chose "Later"
// (or has not answered) keeps what is on its screen and says "Updated: reload when ready".
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { onNewWorkerControlling } from '../../../src/lib/pwa/update-decision';

type SwOptions = { onNeedRefresh?: () => void; onNeedReload?: () => void };
const registered: SwOptions[] = [];
const skipWaiting = vi.fn(async () => {});

vi.mock('$app/environment', () => ({ browser: true }));
vi.mock('$lib/pwa/register-worker', () => ({
	registerSW: (options: SwOptions) => {
		registered.push(options);
		return skipWaiting;
	}
}));

const { AppStatus } = await import('../../../src/lib/state/app-status.svelte');

/** A tab: its status object started with a fake service worker and a counted reload. */
async function openTab() {
	const reload = vi.fn();
	const status = new AppStatus(reload);
	await status.start();
	const worker = registered[registered.length - 1]!;
	return { status, reload, worker };
}

beforeEach(() => {
	registered.length = 0;
	skipWaiting.mockClear();
	vi.stubGlobal('navigator', { onLine: true, serviceWorker: {} });
	vi.stubGlobal('addEventListener', () => {});
});

describe('the decision', () => {
	test.each([
		[true, 'reload'],
		[false, 'tell']
	] as const)('asked in this tab: %s -> %s', (asked, action) => {
		expect(onNewWorkerControlling(asked)).toBe(action);
	});
});

describe('two tabs, one update', () => {
	test('"Reload" in one tab never reloads the tab that chose "Later"', async () => {
		const first = await openTab();
		const second = await openTab();
		first.worker.onNeedRefresh!();
		second.worker.onNeedRefresh!();
		expect(first.status.updateWaiting).toBe(true);

		first.status.postponeUpdate(); // "Later" in the first tab
		await second.status.reloadForUpdate(); // "Reload" in the second
		expect(skipWaiting).toHaveBeenCalledTimes(1);

		// the new worker takes control of both tabs; the plugin asks each what to do
		first.worker.onNeedReload!();
		second.worker.onNeedReload!();
		expect(second.reload).toHaveBeenCalledTimes(1);
		expect(first.reload).not.toHaveBeenCalled();
		expect(first.status.updatedElsewhere).toBe(true);
		expect(first.status.updateWaiting).toBe(false);

		first.status.reloadNow(); // the learner is ready
		expect(first.reload).toHaveBeenCalledTimes(1);
	});

	test('a tab that never answered the prompt is not reloaded either', async () => {
		const idle = await openTab();
		idle.worker.onNeedRefresh!();
		idle.worker.onNeedReload!();
		expect(idle.reload).not.toHaveBeenCalled();
		expect(idle.status.updatedElsewhere).toBe(true);
	});
});
