#include "http_addr.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>

static bool
v4_private(const unsigned char *a)
{
	return a[0] == 0 ||                             /* this network */
	    a[0] == 10 ||                               /* private */
	    (a[0] == 100 && (a[1] & 0xc0) == 64) ||     /* shared (CGN) */
	    a[0] == 127 ||                              /* loopback */
	    (a[0] == 169 && a[1] == 254) ||             /* link-local */
	    (a[0] == 172 && (a[1] & 0xf0) == 16) ||     /* private */
	    (a[0] == 192 && a[1] == 0 && a[2] == 0) ||  /* IETF */
	    (a[0] == 192 && a[1] == 168) ||             /* private */
	    (a[0] == 198 && (a[1] & 0xfe) == 18) ||     /* benchmarks */
	    a[0] >= 224;                    /* multicast, reserved, bcast */
}

bool
http_addr_private(const char *ip)
{
	static const unsigned char mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };
	unsigned char a[16];
	char tmp[64];
	size_t n;

	if(!ip || !*ip)
		return true;
	/* "[::1]" from a URL, "fe80::1%eth0" with a zone */
	n = strlen(ip);
	if(ip[0] == '[' && n >= 2 && ip[n - 1] == ']') {
		ip++;
		n -= 2;
	}
	if(n >= sizeof(tmp))
		return true;
	memcpy(tmp, ip, n);
	tmp[n] = '\0';
	if(strchr(tmp, '%'))
		*strchr(tmp, '%') = '\0';
	if(inet_pton(AF_INET, tmp, a) == 1)
		return v4_private(a);
	if(inet_pton(AF_INET6, tmp, a) != 1)
		return true;                /* not an address: refuse */
	if(!memcmp(a, mapped, 12) || !memcmp(a, nat64, 12))
		return v4_private(a + 12);
	if(!memcmp(a, mapped, 10) && !a[10] && !a[11])
		return true;                /* ::, ::1, IPv4-compatible */
	return (a[0] & 0xfe) == 0xfc ||             /* unique local */
	    (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||  /* link-local */
	    (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) ||  /* site-local */
	    a[0] == 0xff ||                             /* multicast */
	    (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d &&
	    a[3] == 0xb8);                              /* documentation */
}

bool
http_key_private(const char *key)
{
	const char *colon = strrchr(key, ':');
	char host[64];
	size_t n = colon ? (size_t)(colon - key) : strlen(key);
	unsigned char a[16];

	if(n >= sizeof(host))
		return false;
	memcpy(host, key, n);
	host[n] = '\0';
	if(host[0] == '[') {
		if(n < 2)
			return false;
		memmove(host, host + 1, n - 2);
		host[n - 2] = '\0';
		return inet_pton(AF_INET6, host, a) == 1 &&
		    http_addr_private(host);
	}
	return inet_pton(AF_INET, host, a) == 1 && http_addr_private(host);
}
