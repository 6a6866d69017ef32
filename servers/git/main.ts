// The bundled git server (docs/bundled-servers.md): MCP over stdio, the git CLI underneath, limited to the
// repositories given with --repo. Read tools, write tools (add, commit, branches, stash) and
// destructive ones (reset, delete branch), each annotated so MCP Tray can tell them apart.
// Run on its own: node servers/git/main.ts --repo ~/code/project
import '../common/small-young-generation.ts'; // first: before anything else loads
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { exitWithParent } from '../common/exit-with-parent.ts';
import { stderrLog } from '../common/stderr-log.ts';
import { registerDestructiveTools } from './destructive-tools.ts';
import { GitRunner } from './git-runner.ts';
import { registerReadTools } from './read-tools.ts';
import { RepoGuard } from './repo-guard.ts';
import { parseGitServerArgs, USAGE, type GitServerOptions } from './server-options.ts';
import { registerWriteTools } from './write-tools.ts';
import { gitPreviewer } from './write-preview.ts';
import { registerPreviewTool } from '../common/preview-tool.ts';
import { SERVERS_VERSION } from '../common/version.ts';

const log = stderrLog('git');

let options: GitServerOptions;
try {
  options = parseGitServerArgs(process.argv.slice(2));
} catch (error) {
  log(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let server: McpServer | undefined;
exitWithParent(() => server?.close());

const git = new GitRunner(options.maxOutputBytes);
const guard = await RepoGuard.load(options.repos, git);
for (const problem of guard.problems) log(`repository ${problem.path} ${problem.reason}; it is not available`);
if (guard.repos.length === 0) log('no usable repository: every tool will say so until one is configured');

server = new McpServer(
  { name: 'mcp-tray-git', version: SERVERS_VERSION },
  {
    capabilities: { tools: {} },
    instructions: `Git tools for these repositories only: ${guard.repos.join(', ') || '(none configured)'}. Pass "repo" when there is more than one.`,
  },
);

const context = { git, guard };
registerReadTools(server, context);
registerWriteTools(server, context);
registerDestructiveTools(server, context);
// Hidden: MCP Tray's preview of a write call before the user approves it (never listed to clients).
registerPreviewTool(server, gitPreviewer(context));

await server.connect(new StdioServerTransport());
log(`ready; repositories: ${guard.repos.join(', ') || 'none'}`);
