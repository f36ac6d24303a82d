/** What the preload exposes to the renderer: `window.lectern`, typed by the contract. */
import type { LecternApi } from './contract';

declare global {
  interface Window {
    readonly lectern: LecternApi;
  }
}

export {};
