// The app's version, shown in status and sent as serverInfo/clientInfo.
export const HUB_VERSION = '0.1.0';
