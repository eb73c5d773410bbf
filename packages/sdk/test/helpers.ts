// Shared by the SDK's tests (outside src/, so it is never compiled into the published package).
import { expect } from 'vitest';
import { SaaSReadyError } from '../src/client/index.js';

/** Catches the SaaSReadyError a call must throw. */
export async function failure(promise: Promise<unknown>): Promise<SaaSReadyError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(SaaSReadyError);
    return err as SaaSReadyError;
  }
  throw new Error('expected the call to fail');
}
