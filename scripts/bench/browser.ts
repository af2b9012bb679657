// Responsiveness in the real Chromium against the production build: from a press to the
// frame that shows its result, and the page's JavaScript heap after a long visit.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../chromium-path.js';
import { serveBuild } from '../serve.js';
import type { BenchResult, Benchmark } from './measure';
import { summarize } from './measure';

const PRESSES = 50;
const FRAME_BUDGET_MS = 50;

/**
 * Clicks `button` inside the page and resolves to the milliseconds until the first animation
 * frame after `done()` holds: the press, the work it caused (IndexedDB writes included) and
 * the render.
 */
// In-page code as text: tsx compiles this file with helpers (__name) that a function passed
// to page.evaluate would carry into the page, where they do not exist.
const PRESS_AND_WAIT = `async ({ buttonName, done }) => {
	const button = [...document.querySelectorAll('button')].find((candidate) =>
		candidate.textContent.trim().startsWith(buttonName)
	);
	if (!button) throw new Error('no button ' + buttonName);
	const prompt = document.querySelector('#card-prompt')?.textContent;
	const holds = () =>
		done === 'answer-shown'
			? document.querySelector('section[aria-label="Answer"]') !== null
			: document.querySelector('#card-prompt')?.textContent !== prompt;
	const t0 = performance.now();
	button.click();
	return new Promise((resolve) => {
		const check = () => (holds() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
		requestAnimationFrame(check);
	});
}`;

/**
 * Clicks a button in the page and resolves to the milliseconds until the first animation
 * frame after its result shows: the press, the work it caused (IndexedDB writes included)
 * and the render.
 */
async function timePress(
	page: Page,
	buttonName: string,
	done: 'answer-shown' | 'prompt-changed'
): Promise<number> {
	return page.evaluate(`(${PRESS_AND_WAIT})(${JSON.stringify({ buttonName, done })})`);
}

/** Lets the bench move the page's calendar (Date only: frames and performance.now stay real). */
const SHIFTABLE_DATE = `{
	const RealDate = Date;
	const shift = () => (window.__benchDaysAhead ?? 0) * 86400000;
	class ShiftedDate extends RealDate {
		constructor(...args) {
			if (args.length === 0) super(RealDate.now() + shift());
			else super(...args);
		}
		static now() {
			return RealDate.now() + shift();
		}
	}
	window.Date = ShiftedDate;
}`;

async function heapMb(page: Page): Promise<number> {
	const session = await page.context().newCDPSession(page);
	await session.send('HeapProfiler.collectGarbage');
	const { usedSize } = await session.send('Runtime.getHeapUsage');
	await session.detach();
	return usedSize / 1024 / 1024;
}

async function runInBrowser(): Promise<BenchResult[]> {
	if (!existsSync('build/index.html')) {
		const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (built.status !== 0) throw new Error('npm run build failed');
	}
	const server = await serveBuild({ root: 'build', port: 0 });
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
	});
	try {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.addInitScript(SHIFTABLE_DATE);
		// enough new cards for a long session
		await page.goto(`${server.url}/settings`);
		const newPerDay = page.getByRole('spinbutton', { name: 'New cards per day' });
		await newPerDay.fill('999');
		await newPerDay.press('Tab');
		await page.getByText('Saved.').waitFor();

		await page.goto(`${server.url}/study`);
		await page.locator('#card-prompt').waitFor();
		const reveal: number[] = [];
		const rate: number[] = [];
		for (let i = 0; i < 200; i++) {
			if (!(await page.getByRole('button', { name: 'Show answer' }).count())) {
				// today's cards are done: move the page's calendar on three days, so reviews come due
				// and siblings are unburied, and open Study again within the same visit
				await page.evaluate('window.__benchDaysAhead = (window.__benchDaysAhead ?? 0) + 3');
				await page.getByRole('link', { name: 'Today' }).first().click();
				await page.getByRole('link', { name: 'Study now' }).click();
				await page.locator('#card-prompt').waitFor();
			}
			const shown = await timePress(page, 'Show answer', 'answer-shown');
			// learning steps bring cards back; Easy graduates them so the 200 are distinct
			const rated = await timePress(page, 'Easy', 'prompt-changed');
			if (i < PRESSES) {
				reveal.push(shown);
				rate.push(rated);
			}
		}
		const heapAfterStudy = await heapMb(page);
		console.log(`JS heap after studying 200 cards: ${heapAfterStudy.toFixed(1)} MB (aim < 30 MB)`);
		return [
			summarize('browser: Show answer -> frame', reveal, FRAME_BUDGET_MS),
			summarize('browser: rating stored + next card -> frame', rate, FRAME_BUDGET_MS)
		];
	} finally {
		await browser.close();
		await server.close();
	}
}

export const browserBenchmarks: Benchmark[] = [{ name: 'browser', run: runInBrowser }];
