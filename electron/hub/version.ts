// The app's version, shown in status and sent as serverInfo/clientInfo: package.json's, the one
// place it is written.
import packageJson from '../../package.json' with { type: 'json' };

export const HUB_VERSION: string = packageJson.version;
