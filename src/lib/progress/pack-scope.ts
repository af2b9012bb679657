// One article's share of what the device stores. Item ids are unique across packs (the bank
// build refuses two packs sharing one), so a row's item id says which article it belongs to,
// and each pack's progress stays apart without a pack field in the database. Attempts belong
// to the article of their questions: `attemptOfItems` in attempt/record.ts.

/** The rows about items of `itemIds`. */
export function ofItems<T extends { itemId: string }>(
	rows: readonly T[],
	itemIds: ReadonlySet<string>
): T[] {
	return rows.filter((row) => itemIds.has(row.itemId));
}

/** The entries of `byItem` about items of `itemIds`. */
export function ofItemMap<T>(
	byItem: ReadonlyMap<string, T>,
	itemIds: ReadonlySet<string>
): Map<string, T> {
	return new Map([...byItem].filter(([itemId]) => itemIds.has(itemId)));
}
