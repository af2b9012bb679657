/** The IndexedDB database that holds everything the learner saves. */
export const DB_NAME = 'sahel-brief';
