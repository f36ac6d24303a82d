/** Contract calls that resolve to the value or throw a CommandFailed, so UI code reads straight through. */
import type { CommandInput, CommandName, CommandResults, ContractError } from '../../../shared/contract';
import { api } from '../api';

export class CommandFailed extends Error {
  readonly code: ContractError['code'];
  readonly position: number | undefined;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'CommandFailed';
    this.code = error.code;
    this.position = error.position;
  }
}

export async function call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandResults[C]> {
  const result = await api.call(command, input);
  if (!result.ok) throw new CommandFailed(result.error);
  return result.value;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
