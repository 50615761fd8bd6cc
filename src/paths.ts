import { fileURLToPath } from 'node:url'

/** The installed diapo package: lib/ (compiled code), assets/ (bundled runtime), templates/, themes/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url))
