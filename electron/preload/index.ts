/**
 * The renderer's only door to the library: `window.lectern`, with `call` for the contract's commands and `on` for its
 * events. Neither ipcRenderer nor Electron's event objects cross the bridge, and unknown names never reach main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isCommandName,
  type CommandName,
  type CommandResults,
  type ContractEvents,
  type EventName,
  type LecternApi,
  type Result,
} from '../../shared/contract';

const CALL_CHANNEL = 'lectern:call';
const EVENT_CHANNEL = 'lectern:event';

/** Every contract event; typed as a record so adding an event to the contract without listing it here fails to compile. */
const EVENT_NAMES: Record<EventName, true> = { 'library:changed': true, 'import:progress': true };

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_NAMES, name);
}

function badRequest(message: string): Result<never> {
  return { ok: false, error: { code: 'bad-request', message } };
}

const api: LecternApi = {
  async call<C extends CommandName>(command: C, input: unknown): Promise<Result<CommandResults[C]>> {
    if (!isCommandName(command)) return badRequest(`unknown command ${String(command).slice(0, 100)}`);
    const result: unknown = await ipcRenderer.invoke(CALL_CHANNEL, command, input);
    return result as Result<CommandResults[C]>;
  },
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    if (!isEventName(event) || typeof listener !== 'function') {
      throw new TypeError(`unknown event ${String(event).slice(0, 100)}`);
    }
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as ContractEvents[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('lectern', api);
