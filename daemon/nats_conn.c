#include "nats_conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

int
nats_conn_options(const struct config *c, const char *use,
    natsOptions **opts, char *err, size_t errlen)
{
	char *list = xstrdup(c->nats_servers), *save = NULL, *tok;
	char name[64];
	const char *urls[64];
	int n = 0;
	natsStatus s;

	for (tok = strtok_r(list, ", ", &save); tok != NULL && n < 64;
	    tok = strtok_r(NULL, ", ", &save))
		urls[n++] = tok;
	snprintf(name, sizeof(name), "newswired %s", use);
	s = natsOptions_Create(opts);
	if (s == NATS_OK)
		s = natsOptions_SetServers(*opts, urls, n);
	free(list);
	if (s == NATS_OK)
		s = natsOptions_SetName(*opts, name);
	if (s == NATS_OK)
		s = natsOptions_SetMaxReconnect(*opts, -1);
	if (s == NATS_OK)
		s = natsOptions_SetReconnectWait(*opts, 500);
	if (s == NATS_OK)
		s = natsOptions_SetPingInterval(*opts, 5000);
	if (s == NATS_OK)
		s = natsOptions_SetMaxPingsOut(*opts, 2);
	if (s == NATS_OK)
		s = natsOptions_SetTimeout(*opts, 5000);
	if (s == NATS_OK && c->nats_creds[0] != '\0')
		s = natsOptions_SetUserCredentialsFromFiles(*opts,
		    c->nats_creds, NULL);
	if (s == NATS_OK && c->nats_nkey[0] != '\0')
		s = natsOptions_SetNKeyFromSeed(*opts, c->nats_nkey,
		    c->nats_nkey_seed);
	if (s == NATS_OK && c->nats_tls)
		s = natsOptions_SetSecure(*opts, true);
	if (s == NATS_OK && c->nats_tls_ca[0] != '\0')
		s = natsOptions_LoadCATrustedCertificates(*opts,
		    c->nats_tls_ca);
	if (s == NATS_OK && n == 0)
		s = NATS_INVALID_ARG;
	if (s != NATS_OK) {
		fail(err, errlen, "output.nats: %s", n == 0 ?
		    "servers: no URL" : natsStatus_GetText(s));
		natsOptions_Destroy(*opts);
		*opts = NULL;
		return -1;
	}
	return 0;
}
