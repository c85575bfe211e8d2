// The URL check lives in src/shared so every host (Electron, web, terminal) applies the same one.
export { isSafeExternalUrl } from '../../shared/external-url';
