import { uuidv7 } from 'uuidv7';

/** A new time-ordered id (UUIDv7): good index locality and natural cursors. */
export const newId = (): string => uuidv7();
