export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare const PLAYWRIGHT_FEATURES_OFF: readonly string[];
export declare const WINDOW_UI_FEATURES_OFF: readonly string[];
export declare const PLAYWRIGHT_CHROMIUM_ARGS: readonly string[];
export declare const BROWSER_TEST_ARGS: readonly string[];
