export { createVault, DEFAULT_KEYCHAIN_SERVICE } from './vault';
export type { KeychainProbe, Vault, VaultOptions } from './vault';
export { createNapiKeyringBackend } from './keychainBackend';
export type { KeychainBackend } from './keychainBackend';
export { KeychainError, KeychainUnavailableError } from './keychainErrors';
export type { KeychainOperation, KeychainUnavailableReason } from './keychainErrors';
export { Secret } from './secret';
