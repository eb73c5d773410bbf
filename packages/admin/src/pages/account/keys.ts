// react-query keys of the account page (the user itself is ['me'], shared by every page).
export const SESSIONS_KEY = ['account', 'sessions'] as const;
