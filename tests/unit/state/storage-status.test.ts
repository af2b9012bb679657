import { afterEach, describe, expect, test, vi } from 'vitest';
import { StorageStatusState } from '$lib/state/storage-status.svelte';

/** A browser whose storage manager answers persist() with `grants`. */
function browserThatAnswers(persist: () => Promise<boolean>) {
	let persisted = false;
	const storage = {
		persisted: vi.fn(async () => persisted),
		persist: vi.fn(async () => (persisted = await persist())),
		estimate: vi.fn(async () => ({ usage: 2048, quota: 1_000_000 }))
	};
	vi.stubGlobal('navigator', { storage });
	return storage;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('"Keep my data"', () => {
	test('says so when the browser agrees', async () => {
		browserThatAnswers(async () => true);
		const state = new StorageStatusState();
		await state.refresh();
		expect(state.status?.persisted).toBe(false);
		expect(state.outcome).toBeUndefined();

		await state.askToKeep();
		expect(state.status?.persisted).toBe(true);
		expect(state.outcome).toBe('granted');
		expect(state.asking).toBe(false);
	});

	test('says so, and why, when the browser refuses', async () => {
		const storage = browserThatAnswers(async () => false);
		const state = new StorageStatusState();
		await state.refresh();
		await state.askToKeep();
		expect(storage.persist).toHaveBeenCalledOnce();
		expect(state.status?.persisted).toBe(false);
		expect(state.outcome).toBe('refused');
	});

	test('says the browser could not be asked when persist() throws', async () => {
		browserThatAnswers(async () => {
			throw new Error('SecurityError');
		});
		const state = new StorageStatusState();
		await state.askToKeep();
		expect(state.outcome).toBe('unavailable');
	});

	test('says the browser could not be asked when it has no storage manager', async () => {
		vi.stubGlobal('navigator', {});
		const state = new StorageStatusState();
		await state.askToKeep();
		expect(state.outcome).toBe('unavailable');
		expect(state.status?.persisted).toBeUndefined();
	});

	test('a second tap while the browser is asked asks once', async () => {
		let answer: (granted: boolean) => void = () => {};
		const storage = browserThatAnswers(() => new Promise((resolve) => (answer = resolve)));
		const state = new StorageStatusState();
		const first = state.askToKeep();
		const second = state.askToKeep();
		await vi.waitFor(() => expect(storage.persist).toHaveBeenCalled());
		answer(false);
		await Promise.all([first, second]);
		expect(storage.persist).toHaveBeenCalledOnce();
		expect(state.outcome).toBe('refused');
	});
});
