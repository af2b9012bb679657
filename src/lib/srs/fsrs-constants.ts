// ts-fsrs's Rating and State, as plain constants. Importing the enums from ts-fsrs pulls in
// its whole scheduler (the package is not marked free of side effects), so a page that only
// compares states (Today, Progress, Read) would download it; these mirror them exactly, and
// a unit test checks that they do.
import type { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';

export const State = {
	New: 0 as FsrsState.New,
	Learning: 1 as FsrsState.Learning,
	Review: 2 as FsrsState.Review,
	Relearning: 3 as FsrsState.Relearning
} as const;
export type State = FsrsState;

export const Rating = {
	Manual: 0 as FsrsRating.Manual,
	Again: 1 as FsrsRating.Again,
	Hard: 2 as FsrsRating.Hard,
	Good: 3 as FsrsRating.Good,
	Easy: 4 as FsrsRating.Easy
} as const;
export type Rating = FsrsRating;
