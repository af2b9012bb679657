// Runs before the first paint: `npm run build` puts it inline in every page, minified, with its
// hash in the policy (scripts/build.js); `vite dev` loads it as this file.
// 1. The language: a learner who chose one (or whose device reads French first) lands on
// that language's page at once. An explicit /fr/... address on a first visit counts as the
// choice. src/lib/i18n/locale.ts writes the key when the learner switches.
try {
	var key = 'sahel-brief:locale';
	var path = location.pathname;
	var french = path === '/fr' || path.indexOf('/fr/') === 0;
	// ?lang= comes from a language switch: it works before the page's script has run
	var asked = new URLSearchParams(location.search).get('lang');
	if (asked === 'en' || asked === 'fr') {
		localStorage.setItem(key, asked);
		var clean = new URL(location.href);
		clean.searchParams.delete('lang');
		history.replaceState(history.state, '', clean.pathname + clean.search + clean.hash);
	}
	var chosen = localStorage.getItem(key);
	if (chosen !== 'en' && chosen !== 'fr') {
		chosen = french ? 'fr' : 'en';
		if (!french) {
			var languages = navigator.languages || [navigator.language];
			for (var i = 0; i < languages.length; i++) {
				var tag = String(languages[i]).slice(0, 2).toLowerCase();
				if (tag === 'fr' || tag === 'en') {
					chosen = tag;
					break;
				}
			}
		}
		localStorage.setItem(key, chosen);
	}
	if (chosen === 'fr' && !french) {
		location.replace((path === '/' ? '/fr' : '/fr' + path) + location.search + location.hash);
	} else if (chosen === 'en' && french) {
		location.replace((path.slice(3) || '/') + location.search + location.hash);
	}
} catch (e) {
	// storage blocked: the address decides
}
// 2. The theme chosen in Settings, so a dark-mode choice never flashes light. Settings
// mirrors its theme into localStorage for this file.
try {
	var theme = localStorage.getItem('sahel-brief:theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
	// storage blocked: follow the system theme
}
