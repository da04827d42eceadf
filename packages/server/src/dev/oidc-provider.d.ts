// oidc-provider ships no types; the little the local provider uses is typed here.
declare module 'oidc-provider' {
  import type http from 'node:http';
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
