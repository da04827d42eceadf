import { localSignInSettings, startLocalIdentityProvider } from './local-identity-provider';

/**
 * The local identity provider as a process of its own (for the dashboard's e2e run, which talks to
 * the server only over HTTP): `node dist/dev/local-identity-provider-main.js <redirect-uri>…`
 * prints one JSON line `{"issuer": …}` when it listens, and stops on SIGTERM.
 */
async function main(): Promise<void> {
  const redirectUris = process.argv.slice(2);
  if (!redirectUris.length) throw new Error('usage: local-identity-provider-main.js <redirect-uri>…');
  const idp = await startLocalIdentityProvider({ port: Number(process.env.IDP_PORT ?? 0), redirectUris });
  process.stdout.write(`${JSON.stringify({ issuer: idp.issuer, settings: localSignInSettings(idp.issuer, new URL(redirectUris[0]).origin) })}\n`);
  process.once('SIGTERM', () => void idp.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`local identity provider: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
