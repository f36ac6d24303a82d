/** The library's public face for the front doors (window, CLI, browser mode) and tests. */
export { Library, openLibrary, type LibraryOptions, type LibraryListener } from './library';
export { createRouter, type Router } from './router';
export { defaultLibraryPath } from './paths';
export { LibraryError } from './errors';
