/* newswire keygen NAME: writes a CURVE key pair, NAME.key (the secret
 * key, mode 0600, never over an existing file) and NAME.pub (the public
 * key, to put in the daemon's curve_clients folder). With --server it
 * names the daemon's own pair instead (STATE/curve.key, STATE/curve.pub).
 *
 * And the client side of CURVE for the subscribing commands:
 * --curve-server-key FILE (the daemon's curve.pub) and --curve-key FILE
 * (the client's secret key; its public key is derived from it). */
#include <stdio.h>
#include <string.h>
#include <zmq.h>

#include "cli.h"
#include "curve.h"
#include "util.h"

int
cmd_keygen(int argc, char **argv)
{
	struct buf sec = { 0 }, pub = { 0 };
	char err[512];
	int rc = 1;

	if (argc < 2)
		return cli_usage_error("keygen", "no NAME given");
	if (argv[1][0] == '-')
		return cli_usage_error("keygen", "unknown option %s", argv[1]);
	if (argc > 2)
		return cli_usage_error("keygen", "one NAME only");
	buf_printf(&sec, "%s.key", argv[1]);
	buf_printf(&pub, "%s.pub", argv[1]);
	if (curve_write_keypair(sec.p, pub.p, err, sizeof(err)) != 0) {
		fprintf(stderr, "newswire keygen: %s\n", err);
		goto out;
	}
	printf("secret key: %s (keep it private)\npublic key: %s\n", sec.p,
	    pub.p);
	rc = 0;
out:
	buf_free(&sec);
	buf_free(&pub);
	return rc;
}

bool
cli_curve_arg(struct cli_curve *k, int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		return false;
	if (strcmp(argv[*i], "--curve-server-key") == 0)
		k->server_file = argv[++*i];
	else if (strcmp(argv[*i], "--curve-key") == 0)
		k->key_file = argv[++*i];
	else
		return false;
	return true;
}

int
cli_curve_load(struct cli_curve *k, const char *cmd)
{
	char z85[CURVE_Z85_LEN + 1], pub[CURVE_Z85_LEN + 1];
	char err[512];

	if (k->server_file == NULL && k->key_file == NULL)
		return 0;
	if (k->server_file == NULL || k->key_file == NULL) {
		fprintf(stderr, "newswire %s: --curve-server-key and "
		    "--curve-key go together\n", cmd);
		return -1;
	}
	if (curve_read_keyfile(k->server_file, z85, err, sizeof(err)) != 0)
		goto err;
	zmq_z85_decode(k->server, z85);
	if (curve_read_keyfile(k->key_file, z85, err, sizeof(err)) != 0)
		goto err;
	zmq_z85_decode(k->secret, z85);
	if (zmq_curve_public(pub, z85) != 0) {
		snprintf(err, sizeof(err), "%s: not a secret key",
		    k->key_file);
		goto err;
	}
	zmq_z85_decode(k->public_key, pub);
	memset(z85, 0, sizeof(z85));
	k->on = true;
	return 0;
err:
	memset(z85, 0, sizeof(z85));
	fprintf(stderr, "newswire %s: %s\n", cmd, err);
	return -1;
}

int
cli_curve_apply(const struct cli_curve *k, void *sock)
{
	if (!k->on)
		return 0;
	if (zmq_setsockopt(sock, ZMQ_CURVE_SERVERKEY, k->server, 32) != 0 ||
	    zmq_setsockopt(sock, ZMQ_CURVE_PUBLICKEY, k->public_key,
	    32) != 0 ||
	    zmq_setsockopt(sock, ZMQ_CURVE_SECRETKEY, k->secret, 32) != 0)
		return -1;
	return 0;
}
