// Control handlers: the `mcp-tray` command on PATH (hub/system-plan/cli-tool.ts).
import type { CliToolChange, CliToolInfo, CliToolResults } from '../../contract/api/cli-tool.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';

type CliToolHandlers = Pick<Handlers, keyof CliToolResults>;

export interface CliToolHandlerDeps {
  readonly cliTool: {
    status(): CliToolInfo;
    install(): Promise<Omit<CliToolChange, 'status'>>;
    uninstall(): Promise<Omit<CliToolChange, 'status'>>;
  };
}

export function cliToolHandlers(deps: CliToolHandlerDeps): CliToolHandlers {
  const change = async (work: () => Promise<Omit<CliToolChange, 'status'>>): Promise<CliToolChange> => {
    try {
      const applied = await work();
      return { ...applied, status: deps.cliTool.status() };
    } catch (error) {
      throw new ControlError('failed', (error as Error).message);
    }
  };
  return {
    async 'cliTool.status'() {
      return deps.cliTool.status();
    },
    'cliTool.install': () => change(() => deps.cliTool.install()),
    'cliTool.uninstall': () => change(() => deps.cliTool.uninstall()),
  };
}
