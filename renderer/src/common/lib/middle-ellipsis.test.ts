import { describe, expect, it } from 'vitest';
import { splitPath } from './middle-ellipsis.ts';

describe('splitPath', () => {
  it('keeps short paths whole, in the tail', () => {
    expect(splitPath('/etc/hosts')).toEqual({ head: '', tail: '/etc/hosts' });
  });

  it('keeps the file name and as many folders as fit in the tail', () => {
    expect(splitPath('/tmp/mcp-tray-ui-home-Ab12Cd/.config/Code/User/mcp.json')).toEqual({ head: '/tmp/mcp-tray-ui-home-Ab12Cd/.config', tail: '/Code/User/mcp.json' });
    expect(splitPath('C:\\Users\\ann\\AppData\\Roaming\\Claude\\claude_desktop_config.json')).toEqual({
      head: 'C:\\Users\\ann\\AppData\\Roaming\\Claude',
      tail: '\\claude_desktop_config.json',
    });
  });

  it('a file name longer than the budget is the whole tail', () => {
    const path = '/a/an-extremely-long-file-name-that-goes-on-and-on.json';
    expect(splitPath(path).tail).toBe('/an-extremely-long-file-name-that-goes-on-and-on.json');
    expect(splitPath(path).head + splitPath(path).tail).toBe(path);
  });
});
