import { render } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { createMockApi } from '../../../mocks/handlers';
import { App } from '../App';
import { session } from '../providers/session';

/** One MSW server per test file; each test gets a fresh in-memory API and the app at a hash route. */
export function setupMockApi() {
  const api = createMockApi();
  const server = setupServer(...api.handlers);
  return { api, server };
}

export function renderAt(path: string) {
  session.set(null);
  localStorage.clear();
  sessionStorage.clear();
  window.location.hash = `#${path}`;
  return render(<App />);
}
