// Every unit test gets a fresh in-memory IndexedDB, so the repository runs as in a browser.
import 'fake-indexeddb/auto';
