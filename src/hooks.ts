import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /fr/study renders the /study route: one set of pages, two languages
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
