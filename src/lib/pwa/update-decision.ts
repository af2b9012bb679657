// What a tab does when a new service worker takes control. Workbox tells every open tab; with
// vite-plugin-pwa's default each one reloads, so "Reload" in one tab reloaded a tab whose
// learner had chosen "Later", and the answer on its screen was lost. Only the tab where the
// learner asked for the update reloads; the others say so and wait.

/** `reload`: this tab asked for the update. `tell`: show "Updated: reload when ready". */
export type ControllerChangeAction = 'reload' | 'tell';

/** The action for a tab, given whether its learner pressed "Reload" in it. */
export function onNewWorkerControlling(askedInThisTab: boolean): ControllerChangeAction {
	return askedInThisTab ? 'reload' : 'tell';
}
