/** The server bundle `npm start` runs (see build-server.mjs). */
export const serverBundle: string;
export function serverBuildStale(): boolean;
export function buildServer(): Promise<boolean>;
