import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/ipc/bridge';
import { createBridge } from './create-bridge';

// Sandboxed preload: one CommonJS bundle (out/preload/index.cjs) that exposes the typed bridge and
// nothing else. No Node APIs reach the page; contextIsolation keeps this world apart from it.
contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(ipcRenderer));
