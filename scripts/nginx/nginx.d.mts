export declare const NGINX: string;
export declare function modulesPath(): string;
export declare function checkNginx(): string;
export declare function cspOfBuild(root: string): string;
export declare function renderSite(opts: { root: string; listen: string; base?: string; csp?: string }): string;
export interface RunningNginx {
  url: string;
  port: number;
  prefix: string;
  stop: () => Promise<void>;
}
export declare function startNginx(opts: { root: string; port?: number; base?: string; csp?: string }): Promise<RunningNginx>;
