// The spaced-repetition library: pure functions, the time always passed in.
export * from './types';
export * from './settings';
export * from './scheduler';
export * from './interval-label';
export * from './study-day';
export * from './queue';
export * from './session-summary';
export * from './replay';
export * from './card-flags';
