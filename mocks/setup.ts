import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render loads the whole SPA; on a busy two-core CI machine (API, component and unit legs
// at once) that has taken over 5 s. Waits only last this long when something is really missing.
configure({ asyncUtilTimeout: 12_000 });

// Unmount between tests: vitest runs without globals, so testing-library cannot register this itself.
afterEach(() => cleanup());
