// Light and dark follow the OS (prefers-color-scheme in the stylesheet) unless the user chose one
// in Settings; the choice sets data-theme on <html>, which the stylesheet lets win.
export type ThemeChoice = 'system' | 'light' | 'dark';

export function applyTheme(choice: ThemeChoice | undefined): void {
  const root = document.documentElement;
  if (!choice || choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}
