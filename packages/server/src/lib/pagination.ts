import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * List endpoints keep the seeds' plain-array bodies; the next page is announced in headers:
 * `X-Next-Cursor: <cursor>` and an RFC 8288 `Link: <…?cursor=…>; rel="next"`.
 */
export function setNextPage(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (!nextCursor) return;
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.set('cursor', nextCursor);
  reply.header('x-next-cursor', nextCursor);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}
