// createAdmin lives in users/service.ts (the CLI calls it there); this path stays for the tests that
// import it by path.
export { createAdmin } from './service.js';
