// `@saasready/sdk/express`: the Express guard. The type of `req.saasready` comes with every entry
// point of the SDK (a global `Express.Request` augmentation, which needs no Express types to compile).
export { expressGuard } from './middleware/index.js';
