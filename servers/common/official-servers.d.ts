// The official servers ship JavaScript without declarations; the wrappers only import them to run them.
declare module '@modelcontextprotocol/server-filesystem/dist/index.js';
declare module '@modelcontextprotocol/server-memory/dist/index.js';
