/** Offers `content` to the user as a downloaded file. */
export function downloadFile(name: string, content: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// revoke later: some browsers read the blob after click() returns
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name safe on every system, from a title. */
export function fileSlug(title: string): string {
	return (
		title
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/\s+/g, '-')
			.toLowerCase()
			.slice(0, 40) || 'assignment'
	);
}
