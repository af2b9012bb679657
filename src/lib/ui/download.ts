// Saves text as a file the browser downloads, with no server: a Blob behind an <a download>.

/** Starts the download of `text` as `fileName`. */
export function downloadText(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// revoked later: some browsers read the Blob after click() returns
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
