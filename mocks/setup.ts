import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render loads the whole SPA; on a busy two-core CI machine that can take over a second.
configure({ asyncUtilTimeout: 5000 });

// Unmount between tests: vitest runs without globals, so testing-library cannot register this itself.
afterEach(() => cleanup());
