/** The renderer's one door to the library: the Electron preload's bridge, or the `lectern serve` HTTP bridge. */
import type { LecternApi } from '../../shared/contract';
import { createHttpApi } from './transport/http';

function pick(): LecternApi {
  const bridge = (window as { lectern?: LecternApi }).lectern;
  return bridge ?? createHttpApi();
}

export const api: LecternApi = pick();
