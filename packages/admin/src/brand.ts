// The product name from the server's configuration (PRODUCT_NAME), which it writes into the page's
// <meta name="application-name"> (the CSP allows no inline script); SaaSReady when run without it (vite dev).
export const PRODUCT_NAME: string = document.querySelector<HTMLMetaElement>('meta[name="application-name"]')?.content || 'SaaSReady';
