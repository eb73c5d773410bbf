// Emailed links (reset, verification) fail in two ways worth telling apart: a token that was never
// valid (mangled by a mail client, half-copied) and one that expired or was already used.
import { fieldErrors, isProblem } from '../../../api/problems';

export type LinkProblem = 'invalid' | 'expired';

export function linkProblem(error: unknown): LinkProblem | null {
  if (isProblem(error, 'token.expired')) return 'expired';
  if (isProblem(error, 'token.invalid')) return 'invalid';
  // a token of the wrong shape never reaches the lookup: the body validation refuses it
  if (isProblem(error, 'request.validation_failed') && fieldErrors(error).token) return 'invalid';
  return null;
}
