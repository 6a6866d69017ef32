// The window's hash routes the shell opens (renderer/src/common/lib/router.ts): `#/<view>/<item>`.
export const routes = {
  approvals: '/approvals',
  approval: (id: string) => `/approvals/${encodeURIComponent(id)}`,
  server: (id: string) => `/servers/${encodeURIComponent(id)}`,
  clients: '/clients',
} as const;
