// `workspace/executeCommand`: one handler per connection, so every server command is an entry
// in COMMANDS and this feature dispatches. Add a command here rather than calling
// `connection.onExecuteCommand` elsewhere (a second registration would replace this one).
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { costReportCommand } from './costReport';
import type { Feature, ServerCommand } from './feature';
import { rethrowCancelled } from './guarded';

const COMMANDS: readonly ServerCommand[] = [costReportCommand];

export const commandsFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: COMMANDS.map((c) => c.id) } },
  register(ctx) {
    ctx.connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
      const handler = COMMANDS.find((c) => c.id === command);
      if (!handler) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}`);
      try {
        return await handler.run(ctx, args ?? [], token);
      } catch (error) {
        rethrowCancelled(error, command);
        ctx.log(`vpce-lens: ${command} failed: ${(error as Error).stack ?? String(error)}`);
        throw new ResponseError(ErrorCodes.InternalError, (error as Error).message);
      }
    });
  },
};
