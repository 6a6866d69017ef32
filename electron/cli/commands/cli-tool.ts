export async function install() { return 0; }
export async function uninstall() { return 0; }
