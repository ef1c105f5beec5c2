/** aicost's version, printed by `--version` and written into reports. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
