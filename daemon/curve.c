#include "curve.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include "config.h"
#include "log.h"
#include "util.h"
#include "zap.h"

#define CURVE_MAX_ZAP 4          /* ZeroMQ contexts served */
#define CURVE_KEYFILE_MAX 4096   /* bytes read of a key file */
#define CURVE_MAX_CLIENTS 65536  /* key files read from the folder */
#define CURVE_ZAP_DOMAIN "newswire"
#define CURVE_MAX_FD 65536       /* descriptors tracked (curve_track) */

/* A connection that authenticated with a client key, found by the
 * descriptor of ZeroMQ's I/O thread; the peer address tells a reused
 * descriptor from the connection that had it before. */
struct curve_conn {
	struct sockaddr_storage addr;
	socklen_t addr_len;     /* 0: nothing tracked here */
	unsigned char key[32];
};

struct curve {
	bool on;
	struct event_base *base;
	const struct log *lg;
	unsigned char secret[32];
	char public_z85[CURVE_Z85_LEN + 1];
	unsigned char (*clients)[32];   /* sorted */
	size_t n_clients;
	struct zap *zap[CURVE_MAX_ZAP];
	size_t n_zap;
	struct curve_conn *conns;       /* indexed by descriptor */
	size_t n_conns;
};

static bool curve_allow(void *ctx, const unsigned char key[32]);

bool
curve_endpoint_local(const char *endpoint)
{
	static const char *const local[] = {
		"127.", "localhost:", "[::1]:", "::1:", "lo:", NULL
	};
	const char *host;

	if (strncmp(endpoint, "ipc://", 6) == 0 ||
	    strncmp(endpoint, "inproc://", 9) == 0)
		return true;
	if (strncmp(endpoint, "tcp://", 6) != 0)
		return false;  /* pgm, udp, ws...: assume the network */
	host = endpoint + 6;
	/* a connect-style "source;destination" binds nothing local */
	if (strchr(host, ';') != NULL)
		return false;
	for (int i = 0; local[i] != NULL; i++)
		if (strncmp(host, local[i], strlen(local[i])) == 0)
			return true;
	return false;
}

/* Reads up to CURVE_KEYFILE_MAX bytes of path without following a
 * symbolic link at its end or blocking on a FIFO. */
static int
read_small(const char *path, char *out, size_t outlen, char *err,
    size_t errlen)
{
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return fail(err, errlen, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fail(err, errlen, "%s: not a regular file", path);
	}
	n = read(fd, out, outlen - 1);
	close(fd);
	if (n < 0)
		return fail(err, errlen, "%s: %s", path, strerror(errno));
	out[n] = '\0';
	return 0;
}

int
curve_read_keyfile(const char *path, char key[CURVE_Z85_LEN + 1],
    char *err, size_t errlen)
{
	char text[CURVE_KEYFILE_MAX + 1];
	char *line, *save = NULL;
	unsigned char bin[32];

	if (read_small(path, text, sizeof(text), err, errlen) != 0)
		return -1;
	for (line = strtok_r(text, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		size_t len;

		line += strspn(line, " \t");
		len = strlen(line);
		while (len > 0 && (line[len - 1] == ' ' ||
		    line[len - 1] == '\t'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (len != CURVE_Z85_LEN || zmq_z85_decode(bin, line) == NULL)
			return fail(err, errlen, "%s: not a Z85 key of %d "
			    "characters", path, CURVE_Z85_LEN);
		memcpy(key, line, CURVE_Z85_LEN + 1);
		return 0;
	}
	return fail(err, errlen, "%s: no key in the file", path);
}

/* Writes text into path, created with mode; never over an existing
 * file. The file appears whole or not at all. */
static int
write_new(const char *path, const char *text, mode_t mode, char *err,
    size_t errlen)
{
	struct buf tmp = { 0 };
	size_t len = strlen(text);
	int fd, rc = -1;

	buf_printf(&tmp, "%s.tmp", path);
	unlink(tmp.p);
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, mode);
	if (fd < 0) {
		fail(err, errlen, "cannot create %s: %s", tmp.p,
		    strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0 || write(fd, text, len) != (ssize_t)len ||
	    fsync(fd) != 0) {
		fail(err, errlen, "cannot write %s: %s", tmp.p,
		    strerror(errno));
		close(fd);
		unlink(tmp.p);
		goto out;
	}
	close(fd);
	/* link() refuses an existing path: no key is ever overwritten */
	if (link(tmp.p, path) != 0) {
		fail(err, errlen, "cannot create %s: %s", path,
		    strerror(errno));
		unlink(tmp.p);
		goto out;
	}
	unlink(tmp.p);
	rc = 0;
out:
	buf_free(&tmp);
	return rc;
}

int
curve_write_keypair(const char *secret_path, const char *public_path,
    char *err, size_t errlen)
{
	char pub[CURVE_Z85_LEN + 1], sec[CURVE_Z85_LEN + 1];
	struct buf text = { 0 };
	int rc;

	if (zmq_curve_keypair(pub, sec) != 0)
		return fail(err, errlen, "cannot make a key pair: %s",
		    zmq_strerror(errno));
	buf_printf(&text, "# newswire CURVE secret key: keep it private\n"
	    "%s\n", sec);
	rc = write_new(secret_path, text.p, 0600, err, errlen);
	text.len = 0;
	buf_printf(&text, "# newswire CURVE public key\n%s\n", pub);
	if (rc == 0 && public_path != NULL &&
	    write_new(public_path, text.p, 0644, err, errlen) != 0) {
		unlink(secret_path);
		rc = -1;
	}
	memset(sec, 0, sizeof(sec));
	buf_free(&text);
	return rc;
}

/* Loads STATE/curve.key, creating the pair on first start. A secret key
 * that others can read is made private again, with a warning. */
static int
curve_server_keys(struct curve *c, const char *state, char *err,
    size_t errlen)
{
	struct buf sec = { 0 }, pub = { 0 };
	char z85[CURVE_Z85_LEN + 1];
	struct stat st;
	int rc = -1;

	buf_printf(&sec, "%s/curve.key", state);
	buf_printf(&pub, "%s/curve.pub", state);
	if (lstat(sec.p, &st) != 0 && errno == ENOENT) {
		unlink(pub.p);  /* a public key without its secret */
		if (curve_write_keypair(sec.p, pub.p, err, errlen) != 0)
			goto out;
		log_info(c->lg, "curve: new server key pair in %s (public "
		    "key in %s)", sec.p, pub.p);
	} else if (lstat(sec.p, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & 077) != 0) {
		log_warn(c->lg, "curve: %s was readable by others; made "
		    "private (0600)", sec.p);
		if (chmod(sec.p, 0600) != 0) {
			fail(err, errlen, "cannot chmod %s: %s", sec.p,
			    strerror(errno));
			goto out;
		}
	}
	if (curve_read_keyfile(sec.p, z85, err, errlen) != 0)
		goto out;
	zmq_z85_decode(c->secret, z85);
	if (zmq_curve_public(c->public_z85, z85) != 0) {
		fail(err, errlen, "%s: %s", sec.p, zmq_strerror(errno));
		goto out;
	}
	memset(z85, 0, sizeof(z85));
	rc = 0;
out:
	buf_free(&sec);
	buf_free(&pub);
	return rc;
}

static int
key_cmp(const void *a, const void *b)
{
	return memcmp(a, b, 32);
}

/* Reads every key file of dir into a sorted array. Files that hold no
 * key are logged and skipped. Returns -1 when dir cannot be read. */
static int
curve_read_clients(const struct curve *c, const char *dir,
    unsigned char (**out)[32], size_t *n_out)
{
	unsigned char (*keys)[32] = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL) {
		log_error(c->lg, "curve: cannot read the client keys in "
		    "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL && n < CURVE_MAX_CLIENTS) {
		struct buf path = { 0 };
		char z85[CURVE_Z85_LEN + 1], err[512];

		if (e->d_name[0] == '.')
			continue;
		buf_printf(&path, "%s/%s", dir, e->d_name);
		if (curve_read_keyfile(path.p, z85, err, sizeof(err)) != 0) {
			log_warn(c->lg, "curve: %s; skipped", err);
		} else {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				keys = xrealloc(keys, cap * sizeof(*keys));
			}
			zmq_z85_decode(keys[n++], z85);
		}
		buf_free(&path);
	}
	closedir(d);
	if (n > 0)
		qsort(keys, n, sizeof(*keys), key_cmp);
	*out = keys;
	*n_out = n;
	return 0;
}

static int
hex_nibble(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static bool
peer_of(int fd, struct sockaddr_storage *a, socklen_t *alen)
{
	*alen = sizeof(*a);
	memset(a, 0, sizeof(*a));
	return getpeername(fd, (struct sockaddr *)a, alen) == 0;
}

void
curve_track(struct curve *c, int fd, const char *user)
{
	struct curve_conn *e;
	unsigned char key[32];

	if (c == NULL || !c->on || fd < 0 || fd >= CURVE_MAX_FD ||
	    user == NULL || strlen(user) != 64)
		return;
	for (int i = 0; i < 32; i++) {
		int hi = hex_nibble(user[2 * i]);
		int lo = hex_nibble(user[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return;
		key[i] = (unsigned char)(hi << 4 | lo);
	}
	if ((size_t)fd >= c->n_conns) {
		size_t n = (size_t)fd + 64;

		c->conns = xrealloc(c->conns, n * sizeof(*c->conns));
		memset(c->conns + c->n_conns, 0,
		    (n - c->n_conns) * sizeof(*c->conns));
		c->n_conns = n;
	}
	e = &c->conns[fd];
	if (!peer_of(fd, &e->addr, &e->addr_len)) {
		e->addr_len = 0;
		return;
	}
	memcpy(e->key, key, sizeof(key));
}

/* Ends the connections whose key is no longer admitted: shutdown() of
 * the socket (not close: the descriptor stays ZeroMQ's) makes its I/O
 * thread see the end and drop the session. A descriptor whose peer is
 * not the one recorded belongs to another connection now: left alone. */
static void
curve_end_removed(struct curve *c)
{
	struct sockaddr_storage a;
	socklen_t alen;

	for (size_t fd = 0; fd < c->n_conns; fd++) {
		struct curve_conn *e = &c->conns[fd];

		if (e->addr_len == 0 || curve_allow(c, e->key))
			continue;
		if (peer_of((int)fd, &a, &alen) && alen == e->addr_len &&
		    memcmp(&a, &e->addr, alen) == 0) {
			shutdown((int)fd, SHUT_RDWR);
			log_info(c->lg, "curve: a connection of a removed "
			    "key ended");
		}
		e->addr_len = 0;
	}
}

void
curve_reload(struct curve *c, const char *dir)
{
	unsigned char (*keys)[32];
	size_t n;

	if (c == NULL || !c->on)
		return;
	if (curve_read_clients(c, dir, &keys, &n) != 0) {
		log_warn(c->lg, "curve: keeping the %zu client key(s) in "
		    "use", c->n_clients);
		return;
	}
	free(c->clients);
	c->clients = keys;
	c->n_clients = n;
	log_info(c->lg, "curve: %zu client key(s) admitted from %s", n,
	    dir);
	curve_end_removed(c);
}

size_t
curve_n_clients(const struct curve *c)
{
	return c != NULL ? c->n_clients : 0;
}

static bool
curve_allow(void *ctx, const unsigned char key[32])
{
	const struct curve *c = ctx;

	return c->n_clients > 0 && bsearch(key, c->clients, c->n_clients,
	    sizeof(*c->clients), key_cmp) != NULL;
}

/* The plaintext rule for one endpoint. */
static int
curve_check_endpoint(const struct config *cfg, const struct log *lg,
    const char *what, const char *endpoint, char *err, size_t errlen)
{
	if (cfg->curve || curve_endpoint_local(endpoint))
		return 0;
	if (!cfg->allow_plaintext_remote)
		return fail(err, errlen, "%s %s is not a loopback address: "
		    "set [publish] curve = yes (or allow_plaintext_remote "
		    "= yes to publish in clear to the network)", what,
		    endpoint);
	log_warn(lg, "%s %s is reachable from the network without CURVE: "
	    "anyone there can read every event", what, endpoint);
	return 0;
}

struct curve *
curve_new(struct event_base *base, const struct config *cfg,
    const struct log *lg, char *err, size_t errlen)
{
	struct curve *c = xcalloc(1, sizeof(*c));

	c->base = base;
	c->lg = lg;
	c->on = cfg->curve != 0;
	if (curve_check_endpoint(cfg, lg, "publish endpoint", cfg->publish,
	    err, errlen) != 0 ||
	    curve_check_endpoint(cfg, lg, "replay endpoint", cfg->replay,
	    err, errlen) != 0)
		goto err;
	if (!c->on)
		return c;
	if (curve_server_keys(c, cfg->state, err, errlen) != 0)
		goto err;
	curve_reload(c, cfg->curve_clients);
	log_info(lg, "curve: on; server public key %s", c->public_z85);
	return c;
err:
	curve_free(c);
	return NULL;
}

/* The ZAP handler of zctx, made on first use. */
static int
curve_zap_for(struct curve *c, void *zctx, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->n_zap; i++)
		if (zap_context(c->zap[i]) == zctx)
			return 0;
	if (c->n_zap == CURVE_MAX_ZAP)
		return fail(err, errlen, "curve: too many ZeroMQ contexts");
	c->zap[c->n_zap] = zap_new(c->base, zctx, curve_allow, c, c->lg, err,
	    errlen);
	if (c->zap[c->n_zap] == NULL)
		return -1;
	c->n_zap++;
	return 0;
}

int
curve_server_setup(struct curve *c, void *zctx, void *zsock, char *err,
    size_t errlen)
{
	int one = 1;

	if (c == NULL || !c->on)
		return 0;
	if (curve_zap_for(c, zctx, err, errlen) != 0)
		return -1;
	if (zmq_setsockopt(zsock, ZMQ_CURVE_SERVER, &one, sizeof(one)) != 0 ||
	    zmq_setsockopt(zsock, ZMQ_CURVE_SECRETKEY, c->secret, 32) != 0 ||
	    zmq_setsockopt(zsock, ZMQ_ZAP_DOMAIN, CURVE_ZAP_DOMAIN,
	    strlen(CURVE_ZAP_DOMAIN)) != 0)
		return fail(err, errlen, "curve: %s", zmq_strerror(errno));
	return 0;
}

void
curve_free(struct curve *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n_zap; i++)
		zap_free(c->zap[i]);
	free(c->clients);
	free(c->conns);
	memset(c->secret, 0, sizeof(c->secret));
	free(c);
}
