// A real OpenID Connect provider on 127.0.0.1 for the single sign-on test (node_modules/oidc-provider, the
// certified Node.js implementation). Its built-in development pages ask for a login name and a password;
// the login name picks one of the test accounts below. Everything comes from the environment:
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_ACCOUNTS (JSON: login -> claims)
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS);
const scopeClaims = ['email', 'preferred_username', 'name', 'groups'];

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.OIDC_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username', 'groups'] },
  conformIdTokenClaims: false,  // the claims go into the ID token, which is what Streamlit's st.user reads
  findAccount: async (_ctx, id) => (accounts[id] ? {
    accountId: id,
    claims: async () => ({ sub: id, ...accounts[id] }),
  } : undefined),
  // A first-party app: no consent screen (as an organisation's own identity provider is set up).
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId,
                                                accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(scopeClaims);
    await grant.save();
    return grant;
  },
  pkce: { required: () => false },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['borgerbudget-test-only'] },
});
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
