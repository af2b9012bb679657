// Progress survives a new bank: an item id, once published, either stays or is listed as
// retired in facts.yaml. Learners' reviews of a retired item stay stored; the app simply no
// longer shows it (study and quizzes read only the bank's items).

/** Item ids of a published bank file, or none when it cannot be read. */
export function publishedIds(bankJson: string | undefined): string[] {
	if (bankJson === undefined) return [];
	try {
		const data = JSON.parse(bankJson) as { items?: { id?: unknown }[] };
		return (data.items ?? []).flatMap((item) => (typeof item.id === 'string' ? [item.id] : []));
	} catch {
		return [];
	}
}

/** Published ids the new bank drops without listing them as retired: learners would lose them. */
export function droppedIds(
	published: readonly string[],
	generated: readonly string[],
	retired: readonly string[]
): string[] {
	const kept = new Set([...generated, ...retired]);
	return published.filter((id) => !kept.has(id));
}
