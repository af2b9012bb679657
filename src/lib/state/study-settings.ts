// The learner's study settings, stored in the settings table and always clamped on the way out.
import { clampStudySettings } from '$lib/srs/settings';
import type { StudySettings } from '$lib/srs/types';
import { readSetting, saveSetting, storageError } from '$lib/storage';

const KEY = 'study';

/** The saved study settings, defaults filled in and values kept in range. */
export async function loadStudySettings(): Promise<StudySettings> {
	return clampStudySettings(await readSetting<Partial<StudySettings> | undefined>(KEY, undefined));
}

/** Saves study settings after clamping them; returns what was saved. */
export async function saveStudySettings(settings: Partial<StudySettings>): Promise<StudySettings> {
	const clamped = clampStudySettings(settings);
	try {
		await saveSetting(KEY, clamped);
	} catch (error) {
		throw storageError(error); // a full disk says so, in words the page can show
	}
	return clamped;
}
