import { HttpResponse, http } from 'msw';
import { type AgreementFixture, agreementFixtures, banks, regions, users } from './fixtures';

type User = (typeof users)[keyof typeof users];

/** An in-memory API speaking the server's REST dialect, with a request log for assertions. */
export function createMockApi() {
  const state = {
    user: users.finance as User | null,
    agreements: agreementFixtures(),
    requests: [] as { method: string; path: string; body: unknown }[],
    /** Set to make the next mutation fail with this status and code. */
    failNext: null as { status: number; code: string } | null,
    /** What GET /api/summary/menu-counts answers: resource → records waiting for the user. */
    menuCounts: {} as Record<string, number>,
  };

  const list = <T>(resource: string, rows: T[]) =>
    HttpResponse.json(rows, {
      headers: {
        'Content-Range': `${resource} 0-${Math.max(rows.length - 1, 0)}/${rows.length}`,
        'Access-Control-Expose-Headers': 'Content-Range',
      },
    });

  const log = async (request: Request) => {
    const body =
      request.method === 'GET'
        ? null
        : await request
            .clone()
            .json()
            .catch(() => null);
    state.requests.push({ method: request.method, path: new URL(request.url).pathname, body });
  };

  const failure = () => {
    const f = state.failNext;
    state.failNext = null;
    return f ? HttpResponse.json({ message: f.code, code: f.code }, { status: f.status }) : null;
  };

  const TRANSITIONS: Record<string, { from: string[]; to: AgreementFixture['status'] }> = {
    activate: { from: ['draft', 'suspended'], to: 'active' },
    suspend: { from: ['active'], to: 'suspended' },
    terminate: { from: ['draft', 'active', 'suspended'], to: 'terminated' },
  };

  const handlers = [
    http.get('/api/auth/me', () =>
      state.user
        ? HttpResponse.json({ user: state.user, csrfToken: 'test-token' })
        : HttpResponse.json({ code: 'unauthenticated' }, { status: 401 }),
    ),
    http.get('/api/summary', () =>
      HttpResponse.json({
        role: state.user?.role,
        today: '2026-03-16',
        lastWorkingDay: '2026-03-13',
        cards: [],
      }),
    ),
    http.get('/api/summary/menu-counts', () => HttpResponse.json(state.menuCounts)),
    http.get('/api/banks', () => list('banks', banks)),
    http.get('/api/regions', () => list('regions', regions)),
    http.get('/api/supervision-notes', () => list('supervision-notes', [])),
    http.get('/api/agreements', ({ request }) => {
      const filter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
      let rows = state.agreements;
      if (filter.id) rows = rows.filter((a) => filter.id.includes(a.id));
      if (filter.status) rows = rows.filter((a) => a.status === filter.status);
      return list('agreements', rows);
    }),
    http.get('/api/agreements/:id', ({ params }) => {
      const a = state.agreements.find((x) => x.id === Number(params.id));
      return a ? HttpResponse.json(a) : HttpResponse.json({ code: 'not_found' }, { status: 404 });
    }),
    http.post('/api/agreements', async ({ request }) => {
      await log(request);
      const fail = failure();
      if (fail) return fail;
      const body = (await request.json()) as Partial<AgreementFixture>;
      const created = {
        ...state.agreements[1],
        ...body,
        id: state.agreements.length + 1,
        status: 'draft' as const,
        version: 1,
      };
      state.agreements.push(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.post('/api/agreements/:id/:action', async ({ request, params }) => {
      await log(request);
      const fail = failure();
      if (fail) return fail;
      const a = state.agreements.find((x) => x.id === Number(params.id));
      if (!a) return HttpResponse.json({ code: 'not_found' }, { status: 404 });
      const t = TRANSITIONS[String(params.action)];
      if (t) {
        if (!t.from.includes(a.status))
          return HttpResponse.json({ code: 'invalid_transition' }, { status: 409 });
        a.status = t.to;
        a.version += 1;
      }
      return HttpResponse.json(a);
    }),
  ];
  return { state, handlers };
}
