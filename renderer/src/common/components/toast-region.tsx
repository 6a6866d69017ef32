import { useSyncExternalStore } from 'react';
import { toastStore } from '../state/toast-store.ts';

/** Where action results appear; screen readers hear them as they come. */
export function ToastRegion() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.getState);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span className="toast-message">{toast.message}</span>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss message" onClick={() => toastStore.dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
