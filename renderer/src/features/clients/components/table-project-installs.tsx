// The project folders MCP Tray installed into, per client: the project's own config file, whether
// the entry is still there and current, the profile it names, and uninstall.
import type { ClientRow, ProjectInstallRow, ProjectInstallStatus } from '../../../api/contract-types.ts';
import { PathText } from '../../../common/components/path-text.tsx';
import { StatusPill, type Tone } from '../../../common/components/status-pill.tsx';
import { DataTable } from '../../../common/components/data-table.tsx';

const PROJECT_STATUS: Readonly<Record<ProjectInstallStatus, { label: string; tone: Tone }>> = {
  installed: { label: 'Installed', tone: 'ok' },
  outdated: { label: 'Outdated', tone: 'warn' },
  missing: { label: 'Entry gone', tone: 'off' },
  unreadable: { label: 'File unreadable', tone: 'error' },
};

export function TableProjectInstalls({ rows, onUninstall }: { readonly rows: readonly ClientRow[]; readonly onUninstall: (row: ClientRow, project: ProjectInstallRow) => void }) {
  const installs = rows.flatMap((row) => row.projects.map((project) => ({ row, project })));
  if (installs.length === 0) return <p className="muted">Not installed into any project yet. Use “Project…” on a client that has a project file.</p>;
  return (
    <DataTable label="Project installs" columns={['Client', 'Project file', 'Status', 'Profile']} actions>
      {installs.map(({ row, project }) => {
        const status = PROJECT_STATUS[project.status];
        return (
          <tr key={`${row.id}:${project.project}`} data-testid={`project-${row.id}`}>
            <td>
              <strong>{row.label}</strong>
            </td>
            <td>
              <PathText path={project.path} label={`${row.label} project file`} />
            </td>
            <td>
              <StatusPill tone={status.tone} label={status.label} title={project.problem} />
              {project.problem && project.status !== 'installed' && <div className="small muted">{project.problem}</div>}
            </td>
            <td>{project.profile ? <code>{project.profile}</code> : <span className="muted">client’s</span>}</td>
            <td className="cell-actions cell-actions-start">
              <button type="button" className="btn btn-small" onClick={() => onUninstall(row, project)} aria-label={`Uninstall ${row.label} from ${project.project}`}>
                Uninstall…
              </button>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
