import { m } from '$lib/paraglide/messages';
import type { IconName } from './icons';

export interface NavLink {
	href: string;
	/** the link's words in the page's language */
	label: () => string;
	icon: IconName;
}

/** The learner's five places: the phone's tab bar and the start of the wide navigation. */
export const PRIMARY_LINKS: readonly NavLink[] = [
	{ href: '/', label: () => m.nav_today(), icon: 'today' },
	{ href: '/study', label: () => m.nav_study(), icon: 'cards' },
	{ href: '/quiz', label: () => m.nav_quiz(), icon: 'quiz' },
	{ href: '/read', label: () => m.nav_read(), icon: 'read' },
	{ href: '/progress', label: () => m.nav_progress(), icon: 'progress' }
];

/** Assignments, teaching and settings: the phone's header, the end of the wide navigation. */
export const SECONDARY_LINKS: readonly NavLink[] = [
	{ href: '/cards', label: () => m.nav_cards(), icon: 'cards' },
	{ href: '/a', label: () => m.nav_my_assignments(), icon: 'inbox' },
	{ href: '/assign', label: () => m.nav_assign(), icon: 'assign' },
	{ href: '/gradebook', label: () => m.nav_gradebook(), icon: 'gradebook' },
	{ href: '/settings', label: () => m.nav_settings(), icon: 'settings' }
];

/** Whether `href` is the current section (so "/" matches only itself). */
export function isCurrent(href: string, pathname: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(`${href}/`);
}
