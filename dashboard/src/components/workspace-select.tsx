// Picks the workspace every request names; shown only when the person belongs to several.
import { useSession } from '../session/session-context';

export function WorkspaceSelect() {
  const { workspaces, workspace, selectWorkspace } = useSession();
  if (workspaces.length === 0) return null;
  if (workspaces.length === 1) {
    return <span className="workspace-name" title={`Workspace ${workspaces[0].name}`}>{workspaces[0].name}</span>;
  }
  return (
    <label className="workspace-select">
      <span className="visually-hidden">Workspace</span>
      <select value={workspace?.id ?? ''} onChange={(e) => selectWorkspace(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>{w.name}</option>
        ))}
      </select>
    </label>
  );
}
