// The few icons the UI uses, inline (no icon font, nothing loaded from elsewhere: strict CSP).
import type { View } from '../lib/router.ts';

const PATHS: Record<View, string> = {
  servers: 'M3 4h14v5H3zM3 11h14v5H3zM6 6.5h.01M6 13.5h.01',
  catalog: 'M3 3h6v6H3zM11 3h6v6h-6zM3 11h6v6H3zM14 11v6M11 14h6',
  clients: 'M3 5h14v9H3zM7 17h6M10 14v3',
  activity: 'M2 10h4l2-6 4 12 2-6h4',
  approvals: 'M10 2l7 3v5c0 4-3 7-7 8-4-1-7-4-7-8V5zM7 10l2 2 4-4',
  settings: 'M10 7a3 3 0 100 6 3 3 0 000-6zM10 1v3M10 16v3M1 10h3M16 10h3M3.5 3.5l2 2M14.5 14.5l2 2M3.5 16.5l2-2M14.5 5.5l2-2',
};

export function ViewIcon({ view }: { readonly view: View }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[view]} />
    </svg>
  );
}
