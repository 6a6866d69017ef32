import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: one React app for the Electron window and for the web UI `mcp-tray serve` hosts.
// Relative asset paths let the same build load from file:// (Electron) and from the hub's HTTP server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
