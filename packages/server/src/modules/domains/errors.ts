import { AppError } from '../../lib/errors.js';

export const domainNotFound = () => new AppError('domain.not_found');
export const invalidDomain = (detail: string) => new AppError('domain.invalid', detail, { errors: [{ field: '/domain', message: detail }] });
export const publicProvider = (domain: string) =>
  new AppError('domain.public_provider', `${domain} is a public email provider: anyone can have an address there, so no organization can claim it.`);
export const alreadyAdded = (id: string) => new AppError('domain.already_added', 'This organization has already added this domain.', { meta: { domain_id: id } });
export const claimedElsewhere = () => new AppError('domain.claimed', 'This domain is verified by another organization.');
export const verificationFailed = (name: string) =>
  new AppError('domain.verification_failed', `No TXT record at ${name} holds this domain's verification value yet (DNS changes can take a while to appear).`);
