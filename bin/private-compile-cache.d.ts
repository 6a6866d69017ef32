export function compileCacheFolder(env?: NodeJS.ProcessEnv): string;
export function privateCompileCacheFolder(env?: NodeJS.ProcessEnv): string | undefined;
