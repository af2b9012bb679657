// The attempt model, pure: policies, stored records, steps, scoring and time.
export * from './policy';
export * from './record';
export * from './score';
export * from './time';
