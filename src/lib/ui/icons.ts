// 24x24 stroke icons drawn for this app (one path each, currentColor).
export const ICONS = {
	today: 'M4 5h16v15H4zM4 9h16M8 3v4M16 3v4M8 13h3v3H8z',
	cards: 'M7 4h12v14H7zM4 7v13h12',
	quiz: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01',
	read: 'M3 5c3-1 6-1 9 1 3-2 6-2 9-1v14c-3-1-6-1-9 1-3-2-6-2-9-1zM12 6v14',
	progress: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
	inbox: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
	assign: 'M5 4h14v16H5zM9 9h6M9 13h6M9 17h3',
	gradebook: 'M4 4h16v16H4zM4 10h16M10 4v16',
	settings:
		'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .2-1.3-1.3.2-2-3-1-1 2h-1.8l-1-2-3 1 .2 2L6 7.2 4 7l-1 3 2 1v2l-2 1 1 3 2-.2 1.2 1.3-.2 2 3 1 1-2h1.8l1 2 3-1-.2-2 1.3-1.3 2 .2 1-3-2-1z',
	offline:
		'M2 8.8a15 15 0 0 1 4.2-2.4M10.7 5.1A15 15 0 0 1 22 8.8M5 12.5a10 10 0 0 1 5.2-2.6M16.9 10.8a10 10 0 0 1 2.1 1.7M8.5 16a5 5 0 0 1 7 0M12 20h.01M3 3l18 18'
} as const;

export type IconName = keyof typeof ICONS;
