// Every page is prerendered to static HTML so any static host serves it and it opens offline.
export const prerender = true;
export const trailingSlash = 'never';
