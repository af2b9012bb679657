// The sync status and errors in words, for the status line and the /sync page.
import type { SyncErrorCode, SyncErrorDetails } from '$lib/sync/errors';
import type { SyncStatus } from '$lib/sync/connection';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why sync stopped (or a code, an address or a link was refused), as a sentence. */
export function syncErrorText(code: SyncErrorCode, details: SyncErrorDetails = {}): string {
	switch (code) {
		case 'refused':
			return 'The sync server refused this device: the code may be mistyped, or the space is on another server.';
		case 'deleted':
			return 'This sync space was deleted. Your progress stays on this device; sync it again to make a new space.';
		case 'storage':
			return 'This device’s storage could not be read or written, so sync stopped. Reload the app and try again.';
		case 'too-large':
			return 'Your changes are more than the sync server accepts at once, so they stay on this device. Ask whoever runs the server to raise SYNC_MAX_MESSAGE_BYTES.';
		case 'unreachable':
			return 'The sync server could not be reached.';
		case 'bad-code':
			if (details.length !== undefined) {
				return `A sync code has 26 letters and digits; this one has ${details.length}.`;
			}
			if (details.char !== undefined) {
				return `A sync code has no “${details.char}”: check the code and type it again.`;
			}
			return 'This is not a sync code: check its last letters.';
		case 'bad-origin':
			return 'The sync server address should look like wss://sync.example.org, with no path after it.';
		case 'bad-link':
			return 'This pairing link has no sync server in it.';
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

/** What the sync page says when something asked of it cannot be done. */
export const syncProblems = {
	notConfirmed: () =>
		'The server did not confirm the deletion: try again when this device is online.',
	noServer: () => 'This copy of the app was built without a sync server, so it cannot sync.',
	otherServer: (allowed: string, named: string) =>
		`This copy of the app syncs only through ${allowed}; the link names ${named}.`,
	unexpected: () => 'Something went wrong while starting sync. Reload the app and try again.'
};
