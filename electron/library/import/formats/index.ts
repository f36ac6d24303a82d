/** Every import format Lectern knows. Adding a format means adding its module here. */
import type { ImportFormat } from '../format';
import { hfTrending } from './hf-trending';

export const formats: readonly ImportFormat[] = [hfTrending];

export function formatByName(name: string): ImportFormat | undefined {
  return formats.find((f) => f.name === name.toLowerCase());
}
