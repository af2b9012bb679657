// The app in French: every page prerendered under /fr with <html lang="fr">, the device's
// language chosen on a first visit and the learner's choice remembered, and the main flows
// (a study session, a quiz, an assignment from builder to gradebook) run in French.
import type { Browser, Page } from '@playwright/test';
import { serveBuild } from '../../scripts/serve.js';
import { answer } from './answering';
import { FRENCH_PAGES, countRows, expect, test, waitForServiceWorker } from './fixtures';

const SIMPLE_TYPES = ['Choix multiple', 'Vrai ou faux', 'Qui l’a dit', 'Texte à trous', 'Nombres'];

test.use({ locale: 'fr-FR' });

for (const { path, heading } of FRENCH_PAGES) {
	test(`${path} is prerendered in French, its content marked as English`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page).toHaveTitle(/· Sahel Brief$/);
		// the header's switch leads to the same page in English
		await expect(page.getByRole('banner').getByRole('link', { name: 'English' })).toHaveAttribute(
			'href',
			`${path === '/fr' ? '/' : path.slice(3)}?lang=en`
		);
	});
}

test('a French device lands on the French pages, and a choice of English is kept', async ({
	page
}) => {
	await page.goto('/study');
	await expect(page).toHaveURL(/\/fr\/study$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réviser');

	await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/:\d+\/study$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Study');
	// remembered: a French address now opens in English
	await page.goto('/fr/quiz');
	await expect(page).toHaveURL(/:\d+\/quiz$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');

	// and Settings switches back
	await page.goto('/settings');
	await page
		.getByRole('region', { name: 'Language' })
		.getByRole('link', { name: 'Français' })
		.click();
	await expect(page).toHaveURL(/\/fr\/settings$/);
	await page.goto('/');
	await expect(page).toHaveURL(/\/fr$/);
});

test('the phone menu shows its links with their names @layout', async ({ page }) => {
	await page.goto('/fr');
	const menu = page.getByText('Menu', { exact: true });
	if (await menu.isVisible()) {
		await menu.click();
		const more = page.getByRole('navigation', { name: 'Plus' });
		for (const name of ['Cartes', 'Mes devoirs', 'Donner un devoir', 'Notes', 'Réglages'])
			await expect(more.getByRole('link', { name })).toBeVisible();
		await more.getByRole('link', { name: 'Réglages' }).click();
		await expect(page).toHaveURL(/\/fr\/settings$/);
		await expect(more).toBeHidden();
	} else {
		const main = page.getByRole('navigation', { name: 'Principale' });
		await expect(main.getByRole('link', { name: 'Notes', exact: true })).toBeVisible();
	}
});

test('a study session in French', async ({ page }) => {
	await page.goto('/fr/study');
	const prompt = page.locator('#card-prompt');
	await expect(prompt).toHaveAttribute('lang', 'en');
	const first = await prompt.textContent();
	await page.getByRole('button', { name: 'Voir la réponse' }).click();
	await expect(page.getByRole('region', { name: 'Réponse' })).toBeVisible();
	const grades = page.getByRole('group', { name: 'À quel point la connaissiez-vous ?' });
	for (const name of ['Encore', 'Difficile', 'Bien', 'Facile'])
		await expect(grades.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
	await grades.getByRole('button', { name: /^Bien/ }).click();
	await expect(
		page.getByText(/^Note\s:\sBien\. Prochaine révision dans \d+\smin\.$/)
	).toBeAttached();
	await expect(prompt).not.toHaveText(first!);
	expect(await countRows(page, 'reviews')).toBe(1);
	await page.getByRole('button', { name: 'Annuler', exact: true }).click();
	await expect(page.getByText('Dernière note annulée.')).toBeAttached();
});

test('a practice quiz in French', async ({ page }) => {
	await page.goto('/fr/quiz');
	await page.getByText('Types de questions :').click();
	const types = page.getByRole('group', { name: 'Types de questions' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(SIMPLE_TYPES.includes(name));
	}
	await page.getByRole('radio', { name: '5', exact: true }).check();
	await page.getByRole('button', { name: 'Commencer le quiz' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(page.getByText(`Question ${i + 1} sur 5`)).toBeVisible();
		await answer(page, i !== 1);
		await page.getByRole('button', { name: 'Vérifier' }).click();
		await expect(page.getByText(i !== 1 ? /^Juste\./ : /^Faux\./)).toBeVisible();
		await page.getByRole('button', { name: i === 4 ? 'Terminer' : 'Suivante' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Résultats' })).toBeVisible();
	await expect(page.getByText('4 sur 5', { exact: true })).toBeVisible();
	await expect(page.getByText('80 %', { exact: true })).toBeVisible();
});

async function phone(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'fr-FR',
		viewport: { width: 390, height: 844 }
	});
	return context.newPage();
}

test('an assignment in French: builder, link, student, receipt, gradebook', async ({
	page,
	browser,
	baseURL
}) => {
	await page.goto('/fr/assign');
	const types = page.getByRole('group', { name: 'Types de questions' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(SIMPLE_TYPES.includes(name));
	}
	await page.getByLabel('Nombre de questions').selectOption('5');
	await page.getByLabel('Titre', { exact: true }).fill('Semaine 3 : le Sahel');
	await page.getByLabel('Votre nom').fill('M. Diallo');
	await page.getByLabel('Les élèves voient le corrigé').selectOption('after-submitting');
	await page.getByRole('button', { name: 'Créer le devoir' }).click();
	const link = await page.getByLabel('Lien du devoir', { exact: true }).inputValue();
	// the link names no language: each student's device picks its own
	expect(link).toMatch(/\/a#[A-Za-z0-9_-]+$/);
	await expect(page.getByRole('img', { name: 'Code QR du lien du devoir' })).toBeVisible();

	const student = await phone(browser, baseURL!);
	await student.goto('/');
	await waitForServiceWorker(student);
	await student.context().setOffline(true);
	await student.goto(link);
	await expect(student).toHaveURL(/\/fr\/a#/);
	await expect(student.getByRole('heading', { name: 'Semaine 3 : le Sahel' })).toBeVisible();
	await expect(student.getByText('Devoir de M. Diallo')).toBeVisible();
	await student.getByLabel('Votre nom').fill('Awa Traoré');
	await student.getByRole('button', { name: 'Commencer' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(`Question ${i + 1} sur 5`)).toBeVisible();
		await answer(student, i < 3);
		await student.getByRole('button', { name: i === 4 ? 'Rendre' : 'Suivante' }).click();
	}
	await expect(
		student.getByRole('heading', { name: 'Votre score : 60 % (3 sur 5 justes)' })
	).toBeVisible();
	const receipt = await student.getByLabel('Votre reçu', { exact: true }).inputValue();

	await page.getByRole('link', { name: 'Ouvrir le carnet de notes' }).click();
	await expect(page).toHaveURL(/\/fr\/gradebook#/);
	await page.getByLabel('Collez les reçus, un par ligne').fill([receipt, receipt].join('\n'));
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 reçu importé.' })).toBeVisible();
	await expect(page.getByText('1 refusé :')).toBeVisible();
	await expect(page.getByText('Ce reçu a déjà été importé.')).toBeVisible();
	const row = page.getByRole('region', { name: 'Élèves' }).getByRole('row', { name: /Awa Traoré/ });
	await expect(row).toContainText('60 %');
	await expect(row).toContainText('Réussi');
	await student.context().close();
});

test('after one visit, the French pages open offline', async ({ page, context }) => {
	const server = await serveBuild({ root: 'build', port: 0 });
	try {
		await page.goto(`${server.url}/fr`);
		await waitForServiceWorker(page);
	} finally {
		await server.close();
	}
	await context.setOffline(true);
	for (const { path, heading } of FRENCH_PAGES) {
		await page.goto(`${server.url}${path}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	}
	await expect(page.getByRole('status').getByText('Vous êtes hors ligne.')).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Rubriques' })
		.getByRole('link', { name: 'Quiz' })
		.click();
	await expect(page).toHaveURL(/\/fr\/quiz$/);
});
