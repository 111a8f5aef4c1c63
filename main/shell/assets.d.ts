// `import path from '…?asset'` (electron-vite copies the file next to out/main and returns its path).
/// <reference types="electron-vite/node" />
