import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount between tests: vitest runs without globals, so testing-library cannot register this itself.
afterEach(() => cleanup());
