// The sync status and errors in words, for the status line and the /sync page.
import type { SyncErrorCode } from '$lib/sync/errors';
import type { SyncStatus } from '$lib/sync/connection';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why sync stopped, as a sentence. */
export function syncErrorText(code: SyncErrorCode): string {
	switch (code) {
		case 'refused':
			return 'The sync server refused this device: the code may be mistyped, or the space is on another server.';
		case 'deleted':
			return 'This sync space was deleted. Your progress stays on this device; sync it again to make a new space.';
		case 'storage':
			return 'This device’s storage could not be read or written, so sync stopped. Reload the app and try again.';
		case 'unreachable':
			return 'The sync server could not be reached.';
		case 'bad-code':
			return 'That is not a sync code.';
		case 'bad-origin':
			return 'That is not a sync server address.';
		case 'bad-link':
			return 'That pairing link is incomplete.';
	}
}

/** The status line: synced, syncing, offline with N changes waiting, or the error in words. */
export function syncStatusText(status: SyncStatus, now: Date): string {
	const refused =
		status.refused > 0
			? ` ${plural(status.refused, 'change', 'changes')} from another device did not look like this app’s data and were refused.`
			: '';
	switch (status.phase) {
		case 'connecting':
			return `Connecting to the sync server…${refused}`;
		case 'syncing':
			return `Syncing…${status.pending > 0 ? ` ${plural(status.pending, 'change', 'changes')} to send.` : ''}${refused}`;
		case 'synced': {
			const at = status.syncedAt;
			const when =
				at && now.getTime() - at.getTime() < 60_000
					? 'just now'
					: at
						? `at ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
						: '';
			return `Synced ${when}.${refused}`.replace(' .', '.');
		}
		case 'offline':
			return status.pending > 0
				? `Offline: ${plural(status.pending, 'change', 'changes')} waiting, sent when the server can be reached.${refused}`
				: `Offline: nothing waiting.${refused}`;
		case 'failed':
			return syncErrorText(status.error ?? 'unreachable');
		case 'stopped':
			return 'Sync is off on this device.';
	}
}
