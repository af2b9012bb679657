// A topic as the page names it. The article's topics are its own words, so they stay in its
// language (English, marked lang="en"); the topic of the learner's own cards is the app's, so
// it is said in the page's language.
import { m } from '$lib/paraglide/messages';
import { OWN_TOPIC } from '$lib/srs/own-cards';
import { locale } from './locale';

/** The topic's name on the page. */
export function topicLabel(topic: string): string {
	return topic === OWN_TOPIC ? m.topic_own_cards() : topic;
}

/** The language its name is in, for the element's lang attribute. */
export function topicLang(topic: string): string {
	return topic === OWN_TOPIC ? locale() : 'en';
}
