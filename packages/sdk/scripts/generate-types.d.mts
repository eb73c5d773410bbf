// Types of generate-types.mjs, for the types-drift test.
/** Where the generated types are committed: packages/sdk/src/generated/openapi.ts. */
export declare const OUTPUT: string;
/** The header comment of the generated file. */
export declare const HEADER: string;
/** Renders an OpenAPI document to TypeScript with openapi-typescript (without the header). */
export declare function renderTypes(document: object): Promise<string>;
/** The generated file without its header. */
export declare function stripHeader(text: string): string;
