import { AppError } from '../../lib/errors.js';

/** The 404 of a route that does not exist (what the dev mailbox answers a peer that is not local). */
export const noSuchRoute = (method: string, url: string) => new AppError('request.not_found', `No route ${method} ${url.split('?')[0]}.`);
