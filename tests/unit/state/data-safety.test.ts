import { describe, expect, test } from 'vitest';
import { BACKUP_ERROR_CODES } from '$lib/storage/backup-format';
import { BACKUP_ERROR_TITLES } from '$lib/state/data-safety-text';
import {
	BACKUP_REMINDER_STUDY_DAYS,
	backupFileName,
	deckFileName,
	evictionRisk,
	needsBackupReminder,
	resetConfirmed,
	type BrowserFacts
} from '$lib/state/data-safety';

describe('file names', () => {
	test('name the local calendar date of the export', () => {
		expect(backupFileName(new Date(2025, 0, 5, 23, 59))).toBe('sahel-brief-backup-2025-01-05.json');
		expect(deckFileName(new Date(2025, 11, 31, 0, 1))).toBe('sahel-brief-deck-2025-12-31.tsv');
	});
});

describe('the backup reminder', () => {
	test('appears from a week of study days without a backup, not before', () => {
		expect(needsBackupReminder(BACKUP_REMINDER_STUDY_DAYS - 1)).toBe(false);
		expect(needsBackupReminder(BACKUP_REMINDER_STUDY_DAYS)).toBe(true);
	});
});

test.each([
	['RESET', true],
	[' reset ', true],
	['RESE', false],
	['', false],
	['RESET progress', false]
])('typing %j enables Reset progress: %s', (typed, enabled) => {
	expect(resetConfirmed(typed)).toBe(enabled);
});

describe('eviction risk', () => {
	const iphone =
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
	const ipadAsMac =
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
	const android =
		'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
	const facts = (overrides: Partial<BrowserFacts>): BrowserFacts => ({
		userAgent: android,
		maxTouchPoints: 5,
		standalone: false,
		persisted: false,
		...overrides
	});

	test.each([
		[
			'Safari on an iPhone, not installed',
			facts({ userAgent: iphone, persisted: true }),
			'ios-not-installed'
		],
		['an iPad that calls itself a Mac', facts({ userAgent: ipadAsMac }), 'ios-not-installed'],
		[
			'an installed iPhone app',
			facts({ userAgent: iphone, standalone: true, persisted: true }),
			'none'
		],
		[
			'a Mac (no touch screen)',
			facts({ userAgent: ipadAsMac, maxTouchPoints: 0, persisted: true }),
			'none'
		],
		['Android, storage not persisted', facts({}), 'not-persisted'],
		['Android, storage persisted', facts({ persisted: true }), 'none'],
		['a browser that cannot tell', facts({ persisted: undefined }), 'unknown']
	])('%s: %s', (_name, browser, risk) => {
		expect(evictionRisk(browser)).toBe(risk);
	});
});

test('every backup error code has a title', () => {
	for (const code of BACKUP_ERROR_CODES) expect(BACKUP_ERROR_TITLES[code]()).toMatch(/\w/);
});
