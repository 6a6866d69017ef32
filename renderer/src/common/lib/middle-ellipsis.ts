// How a long path is shortened in the middle: the head may be cut (with "…"), the tail (the file
// name and its folder) always stays, so "/home/ann/…/.cursor/mcp.json" still says which file.
export function splitPath(path: string, tailChars = 22): { readonly head: string; readonly tail: string } {
  if (path.length <= tailChars) return { head: '', tail: path };
  const separators = [...path.matchAll(/[\\/]/g)].map((m) => m.index);
  // The last separator that keeps the tail within the budget, but at least the file name.
  const fits = separators.filter((i) => path.length - i <= tailChars);
  const cut = fits.length > 0 ? Math.min(...fits) : (separators.at(-1) ?? path.length - tailChars);
  return { head: path.slice(0, cut), tail: path.slice(cut) };
}
