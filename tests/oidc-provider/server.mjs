// A real OpenID Connect provider on loopback for EquityDashboard's single sign-on tests
// (oidc-provider with its development login and consent pages: any password is accepted,
// the login names the account). Not for production use.
//
//   node server.mjs --port 0 --client-id equity --client-secret s3cret \
//     --redirect-uri http://127.0.0.1:5250/signin-oidc [--redirect-uri ...]
//
// The accounts come from the environment as JSON, each with its subject and claims:
//   OIDC_TEST_ACCOUNTS='[{"sub":"ana","email":"ana@agency.example","email_verified":true,
//                         "name":"Ana","roles":["data-manager"]}]'
// Claims other than sub, email and email_verified are released with the profile scope.
// Prints "oidc-provider ready at <issuer>" once it listens (port 0: a free port is chosen),
// and stops when its standard input closes, so it never outlives the test that started it.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
  },
});
for (const required of ['client-id', 'client-secret', 'redirect-uri']) {
  if (!args[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '[]');
if (!Array.isArray(accounts) || accounts.some((a) => typeof a.sub !== 'string' || a.sub.length === 0)) {
  console.error('OIDC_TEST_ACCOUNTS must be a JSON array of objects, each with a "sub"');
  process.exit(2);
}
const emailClaims = ['email', 'email_verified'];
const profileClaims = [...new Set(accounts.flatMap(Object.keys))]
  .filter((claim) => claim !== 'sub' && !emailClaims.includes(claim));

const server = createServer();
await new Promise((resolve) => server.listen(Number(args.port), args.host, resolve));
const issuer = `http://${args.host}:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: args['redirect-uri'],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // ASP.NET Core's handler sends the secret in the form body.
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: emailClaims, profile: profileClaims },
  // Every authorization request must carry a PKCE challenge (S256), confidential client or not.
  pkce: { required: () => true },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
  async findAccount(_ctx, sub) {
    const account = accounts.find((a) => a.sub === sub);
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ ...account }) };
  },
});
provider.on('server_error', (_ctx, error) => console.error(`server_error: ${error.stack ?? error}`));
server.on('request', provider.callback());

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
console.log(`oidc-provider ready at ${issuer}`);
