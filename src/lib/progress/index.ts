// Progress statistics (pure): import from here.
export * from './calendar';
export * from './deck-tsv';
export * from './forecast';
export * from './mastery';
export * from './quiz-history';
export * from './retention';
export * from './statistics';
export { dayKeyOf, weekdayOf, type DayOptions } from './study-days';
