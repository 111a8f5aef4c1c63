export { createVault } from './vault';
export type { Vault } from './vault';
export { createNapiKeyringBackend } from './keychainBackend';
export type { KeychainBackend } from './keychainBackend';
export { KeychainError, KeychainUnavailableError } from './keychainErrors';
export { Secret } from './secret';
