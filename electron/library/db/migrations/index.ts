import { migration001 } from './001-initial';
import { migration002 } from './002-duplicate-dismissals';
import { migration003 } from './003-sort-indexes';
import { migration004 } from './004-annotation-index';
import { migration005 } from './005-year-added-index';
import { migration006 } from './006-compact-columns';
import { migration007 } from './007-recent-index';
import type { Db } from '../open';

export interface Migration {
  /** Matches SQLite's user_version after it is applied. Append-only: never edit a released migration. */
  version: number;
  name: string;
  up: string;
  /** Work SQL cannot do (values computed in JavaScript), run after `up` in the same transaction. */
  run?: (db: Db) => void;
}

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

export const LATEST_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
