// The sync status and errors in words (English or French), for the status line and /sync.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { SyncErrorCode, SyncErrorDetails } from '$lib/sync/errors';
import type { SyncStatus } from '$lib/sync/connection';

/** Why sync stopped (or a code, an address or a link was refused), as a sentence. */
export function syncErrorText(code: SyncErrorCode, details: SyncErrorDetails = {}): string {
	switch (code) {
		case 'refused':
			return m.sync_error_refused();
		case 'deleted':
			return m.sync_error_deleted();
		case 'storage':
			return m.sync_error_storage();
		case 'too-large':
			return m.sync_error_too_large();
		case 'unreachable':
			return m.sync_error_unreachable();
		case 'bad-code':
			if (details.length !== undefined) {
				return m.sync_error_code_length({ length: String(details.length) });
			}
			if (details.char !== undefined) return m.sync_error_code_char({ char: details.char });
			return m.sync_error_code();
		case 'bad-origin':
			return m.sync_error_origin();
		case 'bad-link':
			return m.sync_error_link();
	}
}

const count = (n: number) => ({ count: String(n) });

/** The status line: synced, syncing, offline with N changes waiting, or the error in words. */
export function syncStatusText(status: SyncStatus, now: Date): string {
	const refused =
		status.refused > 0
			? ` ${status.refused === 1 ? m.sync_status_refused_one(count(1)) : m.sync_status_refused_other(count(status.refused))}`
			: '';
	switch (status.phase) {
		case 'connecting':
			return `${m.sync_status_connecting()}${refused}`;
		case 'syncing': {
			const n = status.pending;
			const waiting =
				n === 0
					? ''
					: ` ${n === 1 ? m.sync_status_to_send_one(count(1)) : m.sync_status_to_send_other(count(n))}`;
			return `${m.sync_status_syncing()}${waiting}${refused}`;
		}
		case 'synced': {
			const at = status.syncedAt;
			const when = !at
				? m.sync_status_synced()
				: now.getTime() - at.getTime() < 60_000
					? m.sync_status_synced_now()
					: m.sync_status_synced_at({
							time: at.toLocaleTimeString(getLocale(), { hour: '2-digit', minute: '2-digit' })
						});
			return `${when}${refused}`;
		}
		case 'offline': {
			const n = status.pending;
			const text =
				n === 0
					? m.sync_status_offline_none()
					: n === 1
						? m.sync_status_offline_one(count(1))
						: m.sync_status_offline_other(count(n));
			return `${text}${refused}`;
		}
		case 'failed':
			return syncErrorText(status.error ?? 'unreachable');
		case 'stopped':
			return m.sync_status_stopped();
	}
}

/** What the sync page says when something asked of it cannot be done. */
export const syncProblems = {
	notConfirmed: () => m.sync_problem_not_confirmed(),
	noServer: () => m.sync_problem_no_server(),
	otherServer: (allowed: string, named: string) => m.sync_problem_other_server({ allowed, named }),
	unexpected: () => m.sync_problem_unexpected()
};
