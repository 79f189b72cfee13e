export declare function pageWithAssetsAt(html: string, assetsUrl: string): string;
