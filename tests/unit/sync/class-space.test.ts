// A class inbox's three keys: each derived one way from the one before, so the server tells
// students from the instructor without storing anything, and neither key opens the other's part.
import { describe, expect, test } from 'vitest';
import {
	CLASS_KEY_PATTERN,
	classDocFor,
	classRoleOf,
	dropTokenFor,
	isClassDoc,
	newClassSecret
} from '$lib/sync/class-space';
import { isSpaceId, spaceIdFor } from '$lib/sync/space-code';

describe('a class inbox', () => {
	test('is named from the drop token, which is derived from the instructor’s secret', async () => {
		const secret = newClassSecret();
		const drop = await dropTokenFor(secret);
		expect(drop).toMatch(CLASS_KEY_PATTERN);
		expect(drop).not.toBe(secret);
		const doc = await classDocFor(drop);
		expect(isClassDoc(doc)).toBe(true);
		// never mistaken for a personal space, and never the space the same secret would name
		expect(isSpaceId(doc)).toBe(false);
		expect(doc).not.toContain(await spaceIdFor(secret));
		expect(await classDocFor(drop)).toBe(doc);
	});

	test('takes the drop token as a student’s, the secret as the instructor’s, anything else as no one’s', async () => {
		const secret = newClassSecret();
		const drop = await dropTokenFor(secret);
		const doc = await classDocFor(drop);
		expect(await classRoleOf(doc, drop)).toBe('student');
		expect(await classRoleOf(doc, secret)).toBe('instructor');
		expect(await classRoleOf(doc, newClassSecret())).toBeUndefined();
		expect(await classRoleOf(doc, await dropTokenFor(drop))).toBeUndefined();
		expect(await classRoleOf(doc, '')).toBeUndefined();
		expect(await classRoleOf(doc, undefined)).toBeUndefined();
		expect(await classRoleOf(doc, drop.toLowerCase())).toBeUndefined();
	});
});
