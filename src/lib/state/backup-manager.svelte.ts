// The backup part of Settings: export, import with a preview, the study deck, and reset.
// The backup and database code loads when a button is pressed, not with the page.
import { m } from '$lib/paraglide/messages';
import { locale } from '$lib/i18n/locale';
import { BACKUP_ERROR_TEXT } from './backup-error-text';
import { version } from '$app/environment';
import {
	type Backup,
	type BackupErrorCode,
	type BackupSummary,
	type ImportMode,
	type ReplacedCopy,
	loadBackup,
	loadBackupFormat,
	loadProgressReads,
	skippedRowCounts
} from '$lib/storage';
import { packOfItems } from './bank';
import { downloadFile } from './download';
import { readBackupStatus, type BackupStatus } from './backup-reminder';
import { readStorageStatus } from '$lib/pwa/storage-persistence';
import { BACKUP_ERROR_TITLES } from './data-safety-text';
import {
	backupFileName,
	deckFileName,
	evictionRisk,
	resetConfirmed,
	type EvictionRisk
} from './data-safety';

/** The study deck's file forms: Anki package, Anki text, plain text for Quizlet. */
export type DeckFormat = 'apkg' | 'anki-text' | 'quizlet';

/** Which part of the page an action belongs to, so its message shows beside its button. */
export type BackupScope = 'backup' | 'reset';

/** A problem to show: a title and a sentence saying what happened and what to do. */
export interface Problem {
	code: BackupErrorCode | 'other';
	title: string;
	message: string;
}

/** A backup file read and checked, waiting for "Replace" or "Merge". */
export interface ImportPreview {
	fileName: string;
	summary: BackupSummary;
	/** What this device holds now, beside the file's, so Replace shows what it removes. */
	device: BackupSummary;
}

/** What this browser says about installation and persistence, for the eviction warning. */
async function readEvictionRisk(): Promise<EvictionRisk> {
	if (typeof navigator === 'undefined') return 'unknown';
	const standalone =
		matchMedia('(display-mode: standalone)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	const { persisted } = await readStorageStatus();
	return evictionRisk({
		userAgent: navigator.userAgent,
		maxTouchPoints: navigator.maxTouchPoints ?? 0,
		standalone,
		persisted
	});
}

/** Counts of reviews, cards and quiz attempts, each with its noun. */
function counted(n: { reviews: number; cards: number; attempts: number }) {
	return {
		reviews: m.count_reviews({ count: n.reviews }),
		cards: m.count_cards({ count: n.cards }),
		attempts: m.count_quiz_attempts({ count: n.attempts })
	};
}

function problemOf(error: unknown, fallbackTitle: string): Problem {
	if (error instanceof Error && error.name === 'BackupError' && 'code' in error) {
		const code = error.code as BackupErrorCode;
		// the English message names the detail; other languages get the code's sentence
		const message =
			locale() === 'en' ? error.message : (BACKUP_ERROR_TEXT[code]?.() ?? error.message);
		return { code, title: BACKUP_ERROR_TITLES[code]?.() ?? fallbackTitle, message };
	}
	const detail = error instanceof Error ? error.message : String(error);
	return { code: 'other', title: fallbackTitle, message: m.nothing_changed({ detail }) };
}

export class BackupManager {
	#clock: () => Date;
	#pending: Backup | undefined;
	#busy = $state(false);
	#status = $state.raw<BackupStatus | undefined>();
	#preview = $state.raw<ImportPreview | undefined>();
	#problem = $state.raw<Problem | undefined>();
	#done = $state('');
	#confirmation = $state('');
	#scope = $state<BackupScope>('backup');
	#risk = $state<EvictionRisk>('unknown');
	#damaged = $state(0);
	#copy = $state.raw<ReplacedCopy | undefined>();

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	get busy() {
		return this.#busy;
	}
	/** Last backup and study days since; undefined before anything is stored. */
	get status() {
		return this.#status;
	}
	get preview() {
		return this.#preview;
	}
	get problem() {
		return this.#problem;
	}
	/** What the last action did, in a sentence. */
	get done() {
		return this.#done;
	}
	get confirmation() {
		return this.#confirmation;
	}
	set confirmation(text: string) {
		this.#confirmation = text;
	}
	/** The part of the page the current message belongs to. */
	get scope() {
		return this.#scope;
	}
	/** Whether and why the browser may delete the data by itself. */
	get risk() {
		return this.#risk;
	}
	/** Damaged rows the app's reads skipped in this visit (kept on the device, never used). */
	get damagedRows() {
		return this.#damaged;
	}
	/** The copy the last Replace kept of what it removed, while it can be restored. */
	get replacedCopy() {
		return this.#copy;
	}
	get canReset() {
		return resetConfirmed(this.#confirmation) && !this.#busy;
	}

	/** Reads when the last backup was made, and whether the browser may evict the data. */
	async refresh(): Promise<void> {
		try {
			[this.#status, this.#risk] = await Promise.all([readBackupStatus(), readEvictionRisk()]);
			this.#damaged = Object.values(skippedRowCounts()).reduce((sum, n) => sum + n, 0);
			this.#copy = this.#status
				? await (await loadBackup()).replacedCopy(this.#clock())
				: undefined;
		} catch {
			this.#status = undefined; // the reminder is a nicety; Settings still works without it
		}
	}

	/** Downloads the whole database as one JSON file and remembers when. */
	async exportBackup(): Promise<void> {
		await this.#run(m.bm_backup_failed(), 'backup', async () => {
			const now = this.#clock();
			const [{ exportBackup }, storage] = await Promise.all([loadBackup(), loadProgressReads()]);
			const text = await exportBackup(now, version, (await packOfItems()).packs);
			const fileName = backupFileName(now);
			downloadFile(fileName, text, 'application/json');
			await storage.recordBackupTime(now);
			await this.refresh();
			this.#done = m.bm_backup_saved({ file: fileName });
		});
	}

	/** Reads and checks a whole file, and shows what it holds; nothing is written yet. */
	async chooseFile(file: File | undefined): Promise<void> {
		this.cancelImport();
		if (!file) return;
		await this.#run(m.bm_cannot_import(), 'backup', async () => {
			const now = this.#clock();
			const [{ parseBackup, summarizeBackup }, { deviceSummary }, text] = await Promise.all([
				loadBackupFormat(),
				loadBackup(),
				file.text()
			]);
			const { packs, known } = await packOfItems();
			const backup = parseBackup(text, { now, packs: known && { known, ofItem: packs } });
			const device = await deviceSummary(now);
			this.#pending = backup;
			this.#preview = { fileName: file.name, summary: summarizeBackup(backup), device };
		});
	}

	/** Forgets the chosen file. */
	cancelImport(): void {
		this.#pending = undefined;
		this.#preview = undefined;
		this.#problem = undefined;
		this.#done = '';
	}

	/** Writes the chosen backup, all or nothing. */
	async importChosen(mode: ImportMode): Promise<void> {
		const backup = this.#pending;
		if (!backup) return;
		await this.#run(m.bm_not_imported(), 'backup', async () => {
			const [{ importBackup }, storage, { loadStudySettings }] = await Promise.all([
				loadBackup(),
				loadProgressReads(),
				import('./study-settings')
			]);
			// a merge replays the cards it adds ratings to, with this device's study settings
			const { written } = await importBackup(backup, mode, {
				settings: await loadStudySettings(),
				now: this.#clock()
			});
			this.#pending = undefined;
			this.#preview = undefined;
			// after a Replace, what is stored is exactly that file: a backup made when it was exported
			// (a Merge adds to study the file does not hold, so it proves no backup)
			if (mode === 'replace') await storage.recordBackupTime(backup.exportedAt);
			await this.refresh();
			this.#done =
				mode === 'replace' ? m.bm_restored(counted(written)) : m.bm_merged(counted(written));
		});
	}

	/** Puts back what the last Replace removed (what is here now becomes the copy). */
	async restoreReplacedCopy(): Promise<void> {
		await this.#run(m.bm_copy_not_restored(), 'backup', async () => {
			const { restoreReplacedCopy } = await loadBackup();
			const { written } = await restoreReplacedCopy(this.#clock());
			await this.refresh();
			this.#done = m.bm_put_back(counted(written));
		});
	}

	/**
	 * Downloads the study deck: an Anki package (.apkg), text with Anki's header lines, or
	 * plain text for Quizlet.
	 */
	async exportDeck(format: DeckFormat = 'apkg'): Promise<void> {
		await this.#run(m.bm_deck_failed(), 'backup', async () => {
			const now = this.#clock();
			const { loadDeck } = await import('./deck');
			// the learner's deck: the bank's cards in their wording, and the cards they wrote
			const { bank, items } = await loadDeck();
			const readUrl = new URL('/read', location.href).href;
			const base = deckFileName(now).replace(/\.tsv$/, '');
			let fileName: string;
			if (format === 'apkg') {
				const { ankiPackage } = await import('./anki-package');
				fileName = `${base}.apkg`;
				const bytes = await ankiPackage(bank, items, readUrl, now);
				downloadFile(fileName, bytes.slice().buffer, 'application/octet-stream');
			} else if (format === 'anki-text') {
				const [{ ankiDeckTsv }, { deckSource }] = await Promise.all([
					import('$lib/progress/deck-tsv'),
					import('./anki-package')
				]);
				fileName = `${base}-anki.txt`;
				downloadFile(fileName, ankiDeckTsv(items, deckSource(bank, readUrl)), 'text/plain');
			} else {
				const { deckTsv } = await import('$lib/progress/deck-tsv');
				fileName = `${base}.tsv`;
				downloadFile(fileName, deckTsv(items), 'text/tab-separated-values');
			}
			this.#done = m.bm_deck_saved({ file: fileName });
		});
	}

	/** Deletes every card, review and quiz attempt (never assignments or receipts), once RESET is typed. */
	async resetProgress(): Promise<void> {
		if (!this.canReset) return;
		await this.#run(m.bm_not_reset(), 'reset', async () => {
			const { resetProgress } = await loadProgressReads();
			const removed = await resetProgress();
			this.#confirmation = '';
			await this.refresh();
			this.#done = m.bm_reset_done(
				counted({ reviews: removed.reviews, cards: removed.cards, attempts: removed.quizAttempts })
			);
		});
	}

	async #run(failureTitle: string, scope: BackupScope, action: () => Promise<void>): Promise<void> {
		// one action at a time: a double tap must not export twice or import over an import
		if (this.#busy) return;
		this.#busy = true;
		this.#scope = scope;
		this.#problem = undefined;
		this.#done = '';
		try {
			await action();
		} catch (error) {
			this.#problem = problemOf(error, failureTitle);
		} finally {
			this.#busy = false;
		}
	}
}
