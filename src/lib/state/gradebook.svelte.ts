// The instructor's /gradebook: receipts in, recomputed scores and item analysis out.
import { m } from '$lib/paraglide/messages';
import type { Assignment } from '$lib/assign/assignment-code';
import { importReceipts, type Submission } from '$lib/assign/gradebook';
import { analyseItems, type ClassAnalysis } from '$lib/assign/item-analysis';
import { isQrPart, QrPartCollector } from '$lib/assign/qr-parts';
import { studentResults, type StudentResult } from '$lib/assign/receipt-review';
import { studentAnswers, type AnswerRow } from '$lib/assign/student-answers';
import type { Bank, BankItem } from '$lib/bank/types';
import { addSubmissions, listAssignments, listReceipts, type StoredAssignment } from '$lib/storage';
import { getBank } from './bank';
import { downloadFile, fileSlug } from './download';
import { assignCodeText, assignErrorText as errorText } from './assign-error-text';
import { ClassInbox, type Arrival } from './class-inbox.svelte';

/** What the last import did, for a status message. */
export interface ImportReport {
	taken: number;
	refused: { label: string; reason: string }[];
}

export class Gradebook {
	#bank = $state.raw<Bank | undefined>();
	#assignments = $state.raw<StoredAssignment[]>([]);
	#selectedId = $state<string | undefined>();
	#submissions = $state.raw<Submission[]>([]);
	#report = $state.raw<ImportReport | undefined>();
	#error = $state('');
	#clock: () => Date;
	/** An import is being checked and stored: a second tap (or scan) waits its turn. */
	#importing: Promise<void> = Promise.resolve();

	/** The live link to the shown assignment's class inbox, when it has one made here. */
	readonly inbox: ClassInbox;

	constructor(clock: () => Date = () => new Date(), inbox: ClassInbox = new ClassInbox()) {
		this.#clock = clock;
		this.inbox = inbox;
	}
	#loaded = $state(false);
	#parts = new QrPartCollector();
	#scanProgress = $state('');

	get assignments() {
		return this.#assignments;
	}
	get loaded() {
		return this.#loaded;
	}
	get error() {
		return this.#error;
	}
	get report() {
		return this.#report;
	}
	/** How far a receipt split over several QR codes has been scanned. */
	get scanProgress() {
		return this.#scanProgress;
	}
	get bank() {
		return this.#bank;
	}
	get selected(): Assignment | undefined {
		return this.#assignments.find((row) => row.data.id === this.#selectedId)?.data;
	}
	/** Each student's standing result with every receipt under the name, best first. */
	students = $derived.by((): StudentResult[] => {
		const assignment = this.selected;
		if (!assignment) return [];
		return studentResults(assignment, this.#submissions).sort(
			(a, b) =>
				b.result.submission.score.percent - a.result.submission.score.percent ||
				a.result.submission.receipt.student.localeCompare(b.result.submission.receipt.student)
		);
	});
	/** The receipt that stands for each student, best first. */
	get latest(): Submission[] {
		return this.students.map((student) => student.result.submission);
	}
	/** Students with a receipt that conflicts with another, or that the gradebook cannot check. */
	get conflicts(): number {
		return this.students.filter((student) => student.conflicts > 0).length;
	}
	get allSubmissions() {
		return this.#submissions;
	}

	analysis = $derived.by((): ClassAnalysis | undefined => {
		const assignment = this.selected;
		if (!assignment || !this.#bank) return undefined;
		return analyseItems(assignment, this.#bank, this.#submissions);
	});

	/** The assignment's questions, in its order. */
	items = $derived.by((): BankItem[] => {
		const assignment = this.selected;
		const bank = this.#bank;
		if (!assignment || !bank) return [];
		const byId = new Map(bank.items.map((item) => [item.id, item]));
		return assignment.itemIds.flatMap((id) => byId.get(id) ?? []);
	});

	/** One submission's answers, question by question; empty until the bank is loaded. */
	answersOf(submission: Submission): AnswerRow[] {
		const assignment = this.selected;
		if (!assignment || !this.#bank) return [];
		return studentAnswers(assignment, this.#bank, submission);
	}

	/** Loads the bank and the assignments made here; selects `preferredId` if given. */
	async load(preferredId?: string): Promise<void> {
		try {
			const [bank, assignments] = await Promise.all([getBank(), listAssignments('instructor')]);
			this.#bank = bank;
			this.#assignments = assignments;
			const initial = assignments.find((row) => row.data.id === preferredId) ?? assignments[0];
			if (initial) await this.select(initial.data.id);
		} catch (error) {
			this.#error = errorText(error);
		} finally {
			this.#loaded = true;
		}
	}

	/**
	 * Shows one assignment's results: every stored code is decoded and its signature checked
	 * again, and every score recomputed from the answers.
	 */
	async select(assignmentId: string): Promise<void> {
		const row = this.#assignments.find((candidate) => candidate.data.id === assignmentId);
		if (!row) return;
		// each assignment is read over the article it was written for
		let bank = this.#bank;
		if (bank?.pack.id !== row.data.packId) {
			try {
				bank = await getBank(row.data.packId);
			} catch (error) {
				this.#error = errorText(error);
				return;
			}
		}
		this.#bank = bank;
		this.#selectedId = assignmentId;
		this.#report = undefined;
		const receipts = await listReceipts(assignmentId);
		const result = await importReceipts(
			receipts.map(({ code }) => code),
			row.data,
			bank
		);
		this.#submissions = result.accepted;
		// receipts delivered online arrive from now on, through the same checks as an import
		void this.inbox.watch(row.data, (arrival) => this.#arrive(assignmentId, arrival));
		if (result.refused.length) {
			this.#report = {
				taken: 0,
				refused: result.refused.map(({ code }) => ({
					label: m.gbs_stored_receipt(),
					reason: assignCodeText(code)
				}))
			};
		}
	}

	/**
	 * Imports receipts (pasted lines or file contents); refused ones are reported, never stored.
	 * Imports run one after another, so the same receipt sent twice at once is taken once.
	 */
	importTexts(texts: readonly { label: string; text: string }[]): Promise<void> {
		this.#importing = this.#importing.then(() => this.#importTexts(texts));
		return this.#importing;
	}

	/**
	 * Receipts opened from the class inbox: imported like any other, except that one already
	 * here is passed over in silence (the inbox is read again each time the gradebook opens).
	 */
	#arrive(assignmentId: string, arrival: Arrival): Promise<void> {
		this.#importing = this.#importing.then(() => {
			if (this.#selectedId !== assignmentId) return;
			const label = m.gbs_online();
			return this.#importTexts(
				arrival.codes.map((text) => ({ label, text })),
				arrival.unopened.map(({ reason }) => ({ label, reason }))
			);
		});
		return this.#importing;
	}

	async #importTexts(
		texts: readonly { label: string; text: string }[],
		unopened?: ImportReport['refused']
	): Promise<void> {
		const online = unopened !== undefined;
		const assignment = this.selected;
		const bank = this.#bank;
		if (!assignment || !bank) return;
		const inputs = texts.filter(({ text }) => text.trim());
		const result = await importReceipts(
			inputs.map(({ text }) => text),
			assignment,
			bank,
			this.#submissions
		);
		const labelOf = new Map(inputs.map(({ label, text }) => [text, label]));
		if (result.accepted.length) {
			try {
				await addSubmissions(assignment.id, result.accepted, this.#clock());
			} catch (error) {
				// nothing was stored (one transaction): say so, and keep the screen as it was
				this.#report = {
					taken: 0,
					refused: [
						{ label: m.gbs_the_import(), reason: m.gbs_not_saved({ error: errorText(error) }) }
					]
				};
				return;
			}
			this.#submissions = [...this.#submissions, ...result.accepted];
		}
		const refused = result.refused
			.filter(({ code }) => !(online && code === 'duplicate'))
			.map(({ input, code }) => ({
				label: labelOf.get(input) ?? m.gbs_a_receipt(),
				reason: assignCodeText(code)
			}));
		refused.push(...(unopened ?? []));
		// an online arrival of receipts already here says nothing (and hides no earlier report)
		if (online && result.accepted.length === 0 && refused.length === 0) return;
		this.#report = { taken: result.accepted.length, refused };
	}

	/** A code read by the camera: a whole receipt, or one part of a receipt split over several. */
	async importScanned(text: string): Promise<void> {
		if (!isQrPart(text)) return this.importTexts([{ label: m.gbs_scanned(), text }]);
		let progress;
		try {
			progress = this.#parts.add(text);
		} catch (error) {
			this.#scanProgress = '';
			this.#report = { taken: 0, refused: [{ label: m.gbs_scanned(), reason: errorText(error) }] };
			return;
		}
		if (!progress.code) {
			this.#scanProgress = m.gbs_part_read({
				index: progress.index,
				count: progress.count,
				have: progress.have
			});
			return;
		}
		this.#scanProgress = '';
		await this.importTexts([
			{ label: m.gbs_parts({ count: progress.count }), text: progress.code }
		]);
	}

	/** Pasted text: one receipt per line. */
	async importPasted(text: string): Promise<void> {
		const lines = text.split(/\r?\n/);
		await this.importTexts(
			lines.map((line, i) => ({ label: m.gbs_line({ n: i + 1 }), text: line }))
		);
	}

	/** Receipt files (the JSON a student downloads, or a text file with a code). */
	async importFiles(files: FileList | readonly File[]): Promise<void> {
		const texts = await Promise.all(
			[...files].map(async (file) => ({
				label: file.name,
				// a receipt is small; anything huge is not one and is refused unread
				text: file.size > 200_000 ? ' too-large ' : await file.text()
			}))
		);
		await this.importTexts(texts);
	}

	/** Downloads the results or the questions; exporters load only when asked for. */
	async export(format: 'csv' | 'answers' | 'gift' | 'qti'): Promise<void> {
		const assignment = this.selected;
		if (!assignment) return;
		const name = fileSlug(assignment.title);
		if (format === 'answers') {
			const bank = this.#bank;
			if (!bank) return;
			const [{ answersCsv }, { csvWords }] = await Promise.all([
				import('$lib/assign/export-csv'),
				import('./csv-words')
			]);
			downloadFile(
				`${name}-answers.csv`,
				answersCsv(assignment, bank, this.#submissions, csvWords()),
				'text/csv'
			);
		} else if (format === 'csv') {
			const [{ submissionsCsv }, { csvWords }] = await Promise.all([
				import('$lib/assign/export-csv'),
				import('./csv-words')
			]);
			downloadFile(
				`${name}-results.csv`,
				submissionsCsv(assignment, this.#submissions, csvWords()),
				'text/csv'
			);
		} else if (format === 'gift') {
			const { giftQuestions } = await import('$lib/assign/export-gift');
			downloadFile(`${name}.gift.txt`, giftQuestions(this.items, assignment.title), 'text/plain');
		} else {
			const { qtiPackage } = await import('$lib/assign/export-qti');
			const zip = qtiPackage(this.items, assignment.title);
			downloadFile(`${name}-qti21.zip`, zip.slice().buffer, 'application/zip');
		}
	}
}
