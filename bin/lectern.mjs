#!/usr/bin/env node
// The `lectern` command: runs the TypeScript sources directly (through tsx), so it works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
