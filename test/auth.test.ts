// Dashboard accounts: setup link, sign-in, sessions, CSRF, roles enforced by the API, sign-out.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSetupToken, createUser } from '../src/auth/accounts.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app.services.meta, 'viewer@example.com', 'viewer-password-1', 'viewer', t.workspace, Date.now());
});
afterAll(async () => t.close());

async function signIn(email: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0];
  return { res, cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' };
}

describe('setup and sign-in', () => {
  test('a one-time setup link creates the owner and signs them in; it cannot be used twice', async () => {
    const token = await createSetupToken(t.app.services.meta, t.workspace.id, 'owner', Date.now());
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token, email: 'Owner@Example.com', password: 'correct horse battery' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: 'owner@example.com' }, workspaces: [{ slug: 'default', role: 'owner' }] });
    expect(String(res.headers['set-cookie'])).toMatch(/lantern_session=.+HttpOnly; SameSite=Lax/);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token, email: 'x@example.com', password: 'another password' } });
    expect(again.statusCode).toBe(401);
  });

  test('a wrong password is a 401 invalid_credentials; a right one gives a session', async () => {
    expect((await signIn('owner@example.com', 'wrong password!')).res.json().error.code).toBe('invalid_credentials');
    expect((await signIn('nobody@example.com', 'wrong password!')).res.statusCode).toBe(401);
    const { res, cookie } = await signIn('owner@example.com', 'correct horse battery');
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.email).toBe('owner@example.com');
  });

  test('passwords are stored as argon2id hashes', async () => {
    const user = await t.app.services.meta.getUserByEmail('owner@example.com');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('sessions on the API', () => {
  test('writes need the CSRF header; reads do not', async () => {
    const { cookie, csrf } = await signIn('owner@example.com', 'correct horse battery');
    expect((await t.app.inject({ method: 'GET', url: '/api/links', headers: { cookie } })).statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/links', headers: { cookie }, payload: { url: 'https://a.example/' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    const ok = await t.app.inject({ method: 'POST', url: '/api/links', headers: { cookie, 'x-lantern-csrf': csrf }, payload: { url: 'https://a.example/' } });
    expect(ok.statusCode).toBe(201);
  });

  test('a viewer can read but not create (the API enforces roles)', async () => {
    const { cookie, csrf } = await signIn('viewer@example.com', 'viewer-password-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/summary', headers: { cookie } })).statusCode).toBe(200);
    const denied = await t.app.inject({ method: 'POST', url: '/api/links', headers: { cookie, 'x-lantern-csrf': csrf }, payload: { url: 'https://a.example/' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/keys', headers: { cookie } })).statusCode).toBe(403);
  });

  test('a workspace the user is not a member of is refused', async () => {
    const { cookie } = await signIn('viewer@example.com', 'viewer-password-1');
    const res = await t.app.inject({ method: 'GET', url: '/api/links', headers: { cookie, 'x-lantern-workspace': t.other.workspace.id } });
    expect(res.statusCode).toBe(403);
  });

  test('signing out ends the session', async () => {
    const { cookie } = await signIn('viewer@example.com', 'viewer-password-1');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('members and invitations', () => {
  test('an owner invites by a one-time link; the invitee joins with the role; the last owner cannot be removed', async () => {
    const { cookie, csrf } = await signIn('owner@example.com', 'correct horse battery');
    const headers = { cookie, 'x-lantern-csrf': csrf };
    const invite = await t.app.inject({ method: 'POST', url: '/api/invites', headers, payload: { role: 'member' } });
    expect(invite.statusCode).toBe(201);
    const token = new URL(invite.json().url).searchParams.get('token')!;
    const joined = await t.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token, email: 'member@example.com', password: 'member-password-1' } });
    expect(joined.json().workspaces).toEqual([expect.objectContaining({ slug: 'default', role: 'member' })]);
    const members = (await t.app.inject({ method: 'GET', url: '/api/members', headers })).json().items;
    expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toEqual(expect.arrayContaining(['owner@example.com:owner', 'member@example.com:member', 'viewer@example.com:viewer']));
    const owner = members.find((m: { role: string }) => m.role === 'owner');
    const last = await t.app.inject({ method: 'DELETE', url: `/api/members/${owner.userId}`, headers });
    expect(last.statusCode).toBe(409);
    const member = members.find((m: { email: string }) => m.email === 'member@example.com');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/members/${member.userId}`, headers, payload: { role: 'viewer' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/members/${member.userId}`, headers })).statusCode).toBe(204);
  });

  test('an existing account accepts an invitation to another workspace with its own password', async () => {
    const invite = (await t.app.inject({ method: 'POST', url: '/api/invites', headers: t.auth(t.other.key), payload: { role: 'viewer' } })).json();
    const token = new URL(invite.url).searchParams.get('token')!;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token, email: 'viewer@example.com', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { token, email: 'viewer@example.com', password: 'viewer-password-1' } });
    expect(ok.json().workspaces.map((w: { slug: string }) => w.slug).sort()).toEqual(['default', 'other']);
  });

  test('an admin key cannot invite an owner, and a viewer cannot invite at all', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/invites', headers: t.auth(), payload: { role: 'owner' } })).statusCode).toBe(403);
    const { cookie, csrf } = await signIn('viewer@example.com', 'viewer-password-1');
    expect((await t.app.inject({ method: 'POST', url: '/api/invites', headers: { cookie, 'x-lantern-csrf': csrf }, payload: { role: 'viewer' } })).statusCode).toBe(403);
  });
});
