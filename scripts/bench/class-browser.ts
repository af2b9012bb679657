// 500 receipts arriving in the gradebook through the class channel, in the real Chromium: an
// instructor makes an assignment that collects receipts online (its keys stay in the page),
// 500 students' signed receipts are sealed to its key and put in the class inbox on a sync
// server, and the time runs from opening /gradebook until the page says all 500 were taken
// (download, opening each envelope, every receipt's checks, one write, the table rendered).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { decodeAssignment } from '../../src/lib/assign/assignment-code';
import { newDeviceKey, publicKeyText } from '../../src/lib/assign/device-key';
import { signReceipt } from '../../src/lib/assign/receipt-code';
import { sealReceipt } from '../../src/lib/assign/receipt-envelope';
import { settingsHash } from '../../src/lib/assign/settings-hash';
import type { Bank } from '../../src/lib/bank/types';
import { classDocFor, INBOX_ARRAY } from '../../src/lib/sync/class-space';
import { startSyncServer } from '../sync-server/server';
import { withAppPage } from './browser';
import { measuredOnce, type BenchResult, type Benchmark } from './measure';

const PORT = Number(new URL(process.env.SYNC_ORIGIN ?? 'ws://127.0.0.1:4190').port);
const RECEIPTS = 500;
/** The aim. */
const BUDGET_MS = 2000;

async function benchArrivals(): Promise<BenchResult[]> {
	if (!readFileSync('build/index.html', 'utf8').includes(`ws://127.0.0.1:${PORT}`)) {
		throw new Error(`build/ does not allow ws://127.0.0.1:${PORT}: build with that SYNC_ORIGIN`);
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'sahel-bench-class-'));
	mkdirSync(join(dataDir, 'docs'), { recursive: true });
	const server = await startSyncServer({ port: PORT, dataDir, log: () => {} });
	try {
		return await withAppPage(async (page, url) => {
			await page.goto(`${url}/assign`);
			await page.getByLabel('Title', { exact: true }).fill('Bench: online receipts');
			await page.getByLabel('Collect receipts online').check();
			await page.getByRole('button', { name: 'Create assignment' }).click();
			const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
			const code = link.slice(link.indexOf('#') + 1);
			// the builder writes for the default article's bank
			const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
			const assignment = decodeAssignment(code, bank);
			const channel = assignment.channel!;
			const inbox = await classDocFor(channel.dropToken);

			// ten phones hand in fifty receipts each, every one signed and sealed as the app does
			const phones = await Promise.all(
				Array.from({ length: 10 }, async () => {
					const keys = await newDeviceKey();
					return { privateKey: keys.privateKey, deviceKey: await publicKeyText(keys.publicKey) };
				})
			);
			const started = Date.parse(assignment.createdAt) + 60_000;
			const envelopes = await Promise.all(
				Array.from({ length: RECEIPTS }, async (_, i) => {
					const receipt = await signReceipt(
						{
							assignmentId: assignment.id,
							packId: assignment.packId,
							bankHash: assignment.bankHash,
							student: `Student ${String(i + 1).padStart(3, '0')}`,
							startedAt: new Date(started + i * 1000).toISOString(),
							submittedAt: new Date(started + i * 1000 + 300_000).toISOString(),
							answers: assignment.itemIds.map(() => null),
							attempt: 1,
							claimedScore: 0,
							settingsHash: settingsHash(assignment)
						},
						assignment,
						bank,
						phones[i % phones.length]!
					);
					return sealReceipt(receipt, channel.instructorKey, inbox);
				})
			);
			const doc = new Y.Doc();
			doc.getArray<string>(INBOX_ARRAY).push(envelopes);
			writeFileSync(join(dataDir, 'docs', `${inbox}.ydoc`), Y.encodeStateAsUpdate(doc));

			const t0 = Date.now();
			await page.goto(`${url}/gradebook`);
			// the count rises once every envelope is opened, before the receipts are checked
			await page
				.getByRole('status')
				.filter({ hasText: `${RECEIPTS} receipts in the class inbox` })
				.waitFor({ timeout: 120_000 });
			const opened = Date.now() - t0;
			await page
				.getByRole('status')
				.filter({ hasText: `${RECEIPTS} receipts imported.` })
				.waitFor({ timeout: 120_000 });
			const stored = Date.now() - t0;
			const rows = page.getByRole('region', { name: 'Students' }).getByRole('row');
			// the header row and one per student
			while ((await rows.count()) < RECEIPTS + 1) {
				if (Date.now() - t0 > 120_000) throw new Error('the students table never filled');
				await page.waitForTimeout(20);
			}
			const ms = Date.now() - t0;
			return [
				measuredOnce(
					`browser-class: … page open, inbox read, ${RECEIPTS} envelopes opened`,
					opened
				),
				measuredOnce(`browser-class: … and every receipt checked and stored`, stored),
				measuredOnce(
					`browser-class: ${RECEIPTS} sealed receipts arrive in the gradebook (open to all shown)`,
					ms,
					BUDGET_MS
				)
			];
		});
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

export const classBrowserBenchmarks: Benchmark[] = [{ name: 'browser-class', run: benchArrivals }];
