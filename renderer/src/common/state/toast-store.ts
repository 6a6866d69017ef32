// Short messages about the result of an action (mostly failures), shown in one live region.
export interface Toast {
  readonly id: number;
  readonly tone: 'error' | 'success' | 'info';
  readonly message: string;
}

const TTL_MS = { error: 8000, success: 3500, info: 4000 } as const;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const toastStore = {
  getState: (): readonly Toast[] => toasts,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  show(tone: Toast['tone'], message: string): void {
    const toast = { id: nextId++, tone, message };
    toasts = [...toasts.slice(-3), toast];
    emit();
    setTimeout(() => toastStore.dismiss(toast.id), TTL_MS[tone]);
  },
  dismiss(id: number): void {
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  },
};
