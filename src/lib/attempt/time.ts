// The one place attempt times are computed and written for people.

/** When an attempt with a time limit must end; undefined without a limit. */
export function deadlineOf(startedAt: Date, timeLimitSec: number | undefined): Date | undefined {
	return timeLimitSec && timeLimitSec > 0
		? new Date(startedAt.getTime() + timeLimitSec * 1000)
		: undefined;
}

/** Whole seconds left before `deadline` at `now`, never negative (a part second counts as one). */
export function secondsLeft(deadline: Date, now: Date): number {
	return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/** "4:05" for 245 seconds; "1:02:03" past an hour. Rounds down, so it never shows "1:60". */
export function formatClock(totalSeconds: number): string {
	const s = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const seconds = String(s % 60).padStart(2, '0');
	return hours > 0
		? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
		: `${minutes}:${seconds}`;
}

/** "3 min 20 s", "45 s", "1 h 5 min": a duration for people. */
export function formatDuration(ms: number): string {
	const s = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : 0;
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const seconds = s % 60;
	if (hours > 0) return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
	if (minutes === 0) return `${seconds} s`;
	return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
