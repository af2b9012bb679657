import type { IconName } from './icons';

export interface NavLink {
	href: string;
	label: string;
	icon: IconName;
}

/** The learner's five places: the phone's tab bar and the start of the wide navigation. */
export const PRIMARY_LINKS: readonly NavLink[] = [
	{ href: '/', label: 'Today', icon: 'today' },
	{ href: '/study', label: 'Study', icon: 'cards' },
	{ href: '/quiz', label: 'Quiz', icon: 'quiz' },
	{ href: '/read', label: 'Read', icon: 'read' },
	{ href: '/progress', label: 'Progress', icon: 'progress' }
];

/** Assignments, teaching and settings: the phone's header, the end of the wide navigation. */
export const SECONDARY_LINKS: readonly NavLink[] = [
	{ href: '/cards', label: 'Cards', icon: 'cards' },
	{ href: '/a', label: 'My assignments', icon: 'inbox' },
	{ href: '/assign', label: 'Assign', icon: 'assign' },
	{ href: '/gradebook', label: 'Gradebook', icon: 'gradebook' },
	{ href: '/settings', label: 'Settings', icon: 'settings' }
];

/** Whether `href` is the current section (so "/" matches only itself). */
export function isCurrent(href: string, pathname: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(`${href}/`);
}
