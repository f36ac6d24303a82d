/** Every `lectern` command. A new command is a module added here. */
import type { Command } from './command';
import { listCommand, searchCommand, showCommand, tagsCommand } from './commands/read';
import { noteCommand, starCommandDef, statusCommand, tagCommand, unstarCommandDef } from './commands/edit';
import { checkCommand, importCommand, redoCommand, undoCommand } from './commands/library';
import { serveCommand } from './commands/serve';
import { backupCommand, restoreCommand } from './commands/backup';
import { duplicatesCommand, mergeCommand } from './commands/duplicates';
import { addCommand, enrichCommand } from './commands/add';
import { exportCommand } from './commands/export';

export const commands: Command[] = [
  importCommand,
  listCommand,
  searchCommand,
  showCommand,
  statusCommand,
  tagCommand,
  starCommandDef,
  unstarCommandDef,
  noteCommand,
  undoCommand,
  redoCommand,
  tagsCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
  duplicatesCommand,
  mergeCommand,
  addCommand,
  enrichCommand,
  exportCommand,
  serveCommand,
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}
