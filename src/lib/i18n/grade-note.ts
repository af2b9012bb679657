import type { Grade } from '$lib/quiz/types';
import { m } from '$lib/paraglide/messages';

/** Why a near miss counted, or how much of a partial answer was right, in the page's language. */
export function gradeNote(grade: Grade): string | undefined {
	const detail = grade.noteDetail;
	if (!detail) return grade.note;
	if (detail.kind === 'typo') return m.note_typo();
	const counts = { hits: detail.hits, total: detail.total };
	return detail.kind === 'pairs-matched'
		? m.note_pairs_matched(counts)
		: m.note_pairs_in_order(counts);
}
