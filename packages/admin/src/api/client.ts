// The dashboard's one SDK client. The access token lives only in this object's memory; the refresh
// token is an HttpOnly cookie the page never sees (cookie mode), so a reload restores the session
// with one refresh and nothing sensitive ever sits in localStorage.
import { SaaSReady } from '@saasready/sdk/client';

export const client = new SaaSReady({ baseUrl: window.location.origin, refreshTokenMode: 'cookie' });
