export interface DebianPrerequisite {
  readonly package: string;
  readonly path: string;
  readonly for: string;
}
export declare const DEBIAN_PACKAGES: readonly DebianPrerequisite[];
export declare function installLine(packages: readonly string[]): string;
export declare function missingPrerequisites(packages?: readonly DebianPrerequisite[]): { package: string; path: string; message: string }[];
export declare function nodeProblem(version?: string): string | null;
