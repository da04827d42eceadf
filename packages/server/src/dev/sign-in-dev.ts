import { loadConfig } from '../config';
import { serve } from '../serve';
import { LOCAL_API_AUDIENCE, LOCAL_USERS, localSignInSettings, scriptClientOf, startLocalIdentityProvider } from './local-identity-provider';

/**
 * `npm run dev:sign-in`: the local identity provider (IDP_PORT, default 4010) and the server
 * signing in with it, so sign-in can be tried without a real issuer. Log in as admin, analyst,
 * kent-officer (an LA user for Kent, 886) or visitor, with any password.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  const idp = await startLocalIdentityProvider({ port: Number(process.env.IDP_PORT ?? 4010), redirectUris: [`http://127.0.0.1:${port}/auth/callback`] });
  console.error(`Local identity provider at ${idp.issuer}: log in as ${Object.keys(LOCAL_USERS).join(', ')} (any password).`);
  console.error(`Bearer tokens: POST ${idp.issuer}/token with client ${scriptClientOf('analyst').id} / ${scriptClientOf('analyst').secret}, grant_type=client_credentials, resource=${LOCAL_API_AUDIENCE}.`);
  await serve(
    loadConfig({
      ...process.env,
      PORT: String(port),
      ...localSignInSettings(idp.issuer, `http://127.0.0.1:${port}`),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`dev:sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
