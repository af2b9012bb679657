// Responsiveness in the real Chromium against the production build: from a press to the
// frame that shows its result, and the page's JavaScript heap after a long visit.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium-path.js';
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
const PRESS_AND_WAIT = `async ({ buttonName, done, selector }) => {
	const button = [...document.querySelectorAll('button')].find((candidate) =>
		candidate.textContent.trim().startsWith(buttonName)
	);
	if (!button) throw new Error('no button ' + buttonName);
	const before = document.querySelector(selector)?.textContent;
	const holds = () =>
		done === 'appears'
			? document.querySelector(selector) !== null
			: document.querySelector(selector)?.textContent !== before;
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
	done: 'appears' | 'text-changes',
	selector: string
): Promise<number> {
	return page.evaluate(`(${PRESS_AND_WAIT})(${JSON.stringify({ buttonName, done, selector })})`);
}

/** Takes one 10-question practice quiz, timing every Check and Next. */
async function takeQuiz(page: Page, check: number[], next: number[]) {
	const again = page.getByRole('button', { name: 'New quiz' });
	if (await again.count()) await again.click();
	else await page.getByRole('link', { name: 'Quiz' }).first().click();
	// question types answered by one tap or a few keys
	await page.getByText('Question types:').click();
	await page.getByRole('button', { name: 'No types' }).click();
	for (const type of ['Multiple choice', 'True or false', 'Fill the gap']) {
		await page.getByRole('checkbox', { name: type }).check();
	}
	await page.getByRole('button', { name: 'Start quiz' }).click();
	for (let i = 0; i < 10; i++) {
		await page.locator('#question-heading').waitFor();
		// Check needs an answer: the first option, or a typed guess
		const radio = page.getByRole('radio').first();
		if (await radio.count()) await radio.check();
		else await page.getByRole('textbox').fill('a guess');
		check.push(await timePress(page, 'Check', 'appears', '.feedback'));
		if (i < 9) next.push(await timePress(page, 'Next', 'text-changes', '#question-heading'));
	}
	await page.getByRole('button', { name: 'Finish' }).click();
	await page.getByRole('button', { name: 'Retry mistakes' }).waitFor();
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

/**
 * Serves the production build (building it first if there is none) and runs `work` in a
 * Chromium page at phone size; closes both afterwards.
 */
export async function withAppPage<T>(work: (page: Page, url: string) => Promise<T>): Promise<T> {
	if (!existsSync('build/index.html')) {
		const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (built.status !== 0) throw new Error('npm run build failed');
	}
	const server = await serveBuild({ root: 'build', port: 0 });
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: CHROMIUM_ARGS
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 390, height: 844 },
			acceptDownloads: true
		});
		return await work(page, server.url);
	} finally {
		await browser.close();
		await server.close();
	}
}

async function runInBrowser(): Promise<BenchResult[]> {
	return withAppPage(async (page, url) => {
		await page.addInitScript(SHIFTABLE_DATE);
		// enough new cards for a long session
		await page.goto(`${url}/settings`);
		const newPerDay = page.getByRole('spinbutton', { name: 'New cards per day' });
		await newPerDay.fill('999');
		await newPerDay.press('Tab');
		await page.getByText('Saved.').waitFor();

		await page.goto(`${url}/study`);
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
			const shown = await timePress(page, 'Show answer', 'appears', 'section[aria-label="Answer"]');
			// learning steps bring cards back; Easy graduates them so the 200 are distinct
			const rated = await timePress(page, 'Easy', 'text-changes', '#card-prompt');
			if (i < PRESSES) {
				reveal.push(shown);
				rate.push(rated);
			}
		}
		const heaps = [await heapMb(page)];
		const check: number[] = [];
		const next: number[] = [];
		for (let quiz = 0; quiz < 3; quiz++) {
			await takeQuiz(page, check, next);
			heaps.push(await heapMb(page));
		}
		console.log(
			`JS heap (MB) after studying 200 cards, then after each of 3 quizzes in the same visit: ${heaps
				.map((mb) => mb.toFixed(1))
				.join(', ')} (aim < 30 MB, no growth from one quiz to the next)`
		);
		return [
			summarize('browser: Show answer -> frame', reveal, FRAME_BUDGET_MS),
			summarize('browser: rating stored + next card -> frame', rate, FRAME_BUDGET_MS),
			summarize('browser: quiz Check -> feedback frame', check, FRAME_BUDGET_MS),
			summarize('browser: quiz Next -> next question frame', next, FRAME_BUDGET_MS)
		];
	});
}

export const browserBenchmarks: Benchmark[] = [{ name: 'browser', run: runInBrowser }];
