// What the bundled filesystem server (and, later, the sandbox) never reaches by default: the places
// a developer's credentials live. Paths start with "~" (the user's home); entries for other operating
// systems are harmless where those folders do not exist. The one non-path entry stands for every
// IDE's MCP config file that MCP Tray knows (they hold tokens); MCP Tray's own data folder is always
// denied and is not part of this list.
export const IDE_MCP_CONFIGS = '<ide-mcp-configs>';

export const DEFAULT_DENIED_PATHS: readonly string[] = [
  // SSH, GPG, cloud and cluster credentials
  '~/.ssh',
  '~/.gnupg',
  '~/.aws',
  '~/.azure',
  '~/.config/gcloud',
  '~/.kube',
  '~/.docker/config.json',
  '~/.netrc',
  '~/.npmrc',
  '~/.pypirc',
  '~/.git-credentials',
  '~/.config/gh/hosts.yml',
  // keyrings
  '~/.local/share/keyrings',
  '~/Library/Keychains',
  // browser profiles (cookies, saved passwords)
  '~/.mozilla',
  '~/.config/google-chrome',
  '~/.config/chromium',
  '~/.config/BraveSoftware',
  '~/.config/microsoft-edge',
  '~/Library/Application Support/Google/Chrome',
  '~/Library/Application Support/Firefox',
  '~/Library/Application Support/BraveSoftware',
  '~/Library/Application Support/Microsoft Edge',
  '~/Library/Safari',
  '~/Library/Cookies',
  '~/AppData/Local/Google/Chrome/User Data',
  '~/AppData/Roaming/Mozilla/Firefox',
  '~/AppData/Local/Microsoft/Edge/User Data',
  '~/AppData/Local/BraveSoftware',
  // IDE MCP configs
  IDE_MCP_CONFIGS,
];
