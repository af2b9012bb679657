// Applies the theme the learner chose in Settings before the first paint, so a dark-mode
// choice never flashes light. Settings mirrors its theme into localStorage for this file.
try {
	var theme = localStorage.getItem('sahel-brief:theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
	// storage blocked: follow the system theme
}
