// The gradebook reads a receipt's QR code from the camera: Chromium's fake camera plays a
// video of the code, made here from the real receipt.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { encode } from 'uqr';
import { E2E_PORT } from '../../playwright.config';
import { CHROMIUM_ARGS } from '../../scripts/chromium-path.js';
import { chromiumPath } from '../../scripts/chromium-path.js';
import { expect, test } from './fixtures';

/** A two-frame Y4M video (640x480, 4:2:0) showing `text` as a QR code, black on white. */
function qrVideo(text: string, path: string): void {
	const width = 640;
	const height = 480;
	const { data, size } = encode(text, { border: 4 });
	const scale = Math.floor(Math.min(width, height) / size);
	const left = Math.floor((width - size * scale) / 2);
	const top = Math.floor((height - size * scale) / 2);
	const luma = Buffer.alloc(width * height, 235);
	for (let y = 0; y < size * scale; y++) {
		for (let x = 0; x < size * scale; x++) {
			if (data[Math.floor(y / scale)]![Math.floor(x / scale)])
				luma[(top + y) * width + left + x] = 16;
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
	writeFileSync(path, Buffer.concat([header, frame, frame]));
}

test('a receipt scanned with the camera is imported and scored', async () => {
	const video = join(tmpdir(), `sahel-receipt-${process.pid}.y4m`);
	qrVideo('placeholder', video);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: [
			...CHROMIUM_ARGS,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	try {
		const baseURL = `http://127.0.0.1:${E2E_PORT}`;
		const context = await browser.newContext({ baseURL, permissions: ['camera'] });
		const page = await context.newPage();
		await page.goto('/assign');
		await page.getByLabel('Title', { exact: true }).fill('Scanned');
		await page.getByRole('button', { name: 'Create assignment' }).click();
		const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();

		const student = await (await browser.newContext({ baseURL })).newPage();
		await student.goto(link);
		await student.getByLabel('Your name').fill('Sékou');
		await student.getByRole('button', { name: 'Start' }).click();
		await student.getByRole('button', { name: 'Submit now' }).click();
		const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
		qrVideo(receipt, video);

		await page.getByRole('link', { name: 'Open gradebook' }).click();
		await page.getByRole('button', { name: 'Scan QR codes' }).click();
		await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible({
			timeout: 15_000
		});
		await expect(
			page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /Sékou/ })
		).toContainText('0%');
		await page.getByRole('button', { name: 'Stop scanning' }).click();
	} finally {
		await browser.close();
	}
});
