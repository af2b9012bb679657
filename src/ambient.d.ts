/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />

/** The sync server this build's Content Security Policy allows (SYNC_ORIGIN at build time). */
declare const __SYNC_ORIGIN__: string;
