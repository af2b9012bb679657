// The article is read from the bank at build time, on the server only: the page's HTML holds
// the text and the client script never bundles the bank.
import { readingArticle } from '$lib/read/article';
import type { Bank } from '$lib/bank/types';
import bank from '../../../static/bank/france-mali-2025.json';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	article: readingArticle(bank as Bank),
	packId: (bank as Bank).pack.id
});
