// The topics are known when the site is built: prerendering them keeps the form from
// shifting down when the bank arrives.
import type { Bank } from '$lib/bank/types';
import bank from '../../../static/bank/france-mali-2025.json';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	topics: [...new Set((bank as Bank).items.map((item) => item.topic))]
});
