/* The body region's tail, steps of text_classify() run once the
 * bylines over the region are known: the author's box under the
 * article ("About Jane", "Jane Doe is a writer ..."), a last line
 * that announces a box of links, a widget's block; and the link to
 * the writer's other pieces that names them ("Alles von Jane Doe"), a
 * step of text_extract(). Pure. */
#include "text_blocks.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "text_util.h"

/* Words of a bodylike paragraph's opening where the author's name opens
 * a bio ("Celia Parbey ist ...", "Ich bin Steffi, ..."), and words of a
 * box's heading above it ("Über Creeny"), at most. */
#define TEXT_BIO_OPEN_WORDS 3
#define TEXT_BIO_HEAD_WORDS 4
/* Words of a byline that is a bare name ("Jane Doe"), at most. */
#define TEXT_BIO_BARE_WORDS 3
/* Items under the region's last line that announces a box
 * (text_trim_announce()), and the words of a headline in it, at least. */
#define TEXT_ANNOUNCE_SPAN 3
#define TEXT_ANNOUNCE_WORDS 4
/* Words of the chrome that makes a block under the region a widget, at
 * least (text_trim_widget()). */
#define TEXT_WIDGET_WORDS 2

static bool text_word_in(const char *w, size_t n, const char *const *v,
    size_t nv);

/* The length of the word that starts at s: letters, digits, '-' and
 * '\'' up to a space or a mark. */
static size_t
text_word_len(const char *s)
{
	return text_word_span(s, "-'");
}

/* The next word of s at or after *p of at least three bytes: its start,
 * its length in *n; NULL at the end. */
static const char *
text_next_word(const char *s, size_t *p, size_t *n)
{
	while (s[*p] != '\0') {
		size_t k = text_word_len(s + *p), adv;

		if (k >= 3) {
			const char *w = s + *p;

			*p += k;
			*n = k;
			return w;
		}
		if (k == 0)
			text_cp_at(s + *p, strnlen(s + *p, 4), &adv);
		*p += k > 0 ? k : adv;
	}
	return NULL;
}

/* The name of byline it: of a strong one (text_strong_byline(): "By
 * Jane Doe", a dated line that names a person) or a bare name of
 * TEXT_BIO_BARE_WORDS words at most (a longer one may be a headline's
 * words, coopbuddy's "Bee Simulator Multiplayer Splitscreen"), the
 * name's words up to the first that opens in lower case or with a
 * digit ("Fabian" of "Erstellt von Fabian am Dienstag 6. Mai 2014");
 * *len 0 when none. */
static const char *
text_byline_name(const struct text_item *it, size_t *len)
{
	size_t off = text_byline_prefix(it->s), p, n, adv;
	const char *name;
	int words;

	*len = 0;
	if (!text_strong_byline(it)) {
		if (it->words > TEXT_BIO_BARE_WORDS ||
		    !text_is_byline(it->s, it->words))
			return it->s;
		off = 0;
	} else if (off == 0) {
		off = text_dated_name(it->s, len, &words);
		if (*len == 0)
			return it->s;
	}
	name = it->s + off;
	for (p = 0; name[p] != '\0';) {
		n = text_word_len(name + p);
		if (n == 0) {
			text_cp_at(name + p, strnlen(name + p, 4), &adv);
			p += adv;
			continue;
		}
		if (!text_cp_upper(text_cp_at(name + p, n, &adv)) &&
		    !text_name_particle(name + p, n))
			break;
		p += n;
		*len = p;
	}
	return name;
}

/* True when w[0..n), capitalised, is a word of the name of a byline
 * over the region. */
static bool
text_author_word(const struct text_doc *d, const char *w, size_t n)
{
	size_t adv;

	if (!text_cp_upper(text_cp_at(w, n, &adv)))
		return false;
	for (size_t i = 0; i < d->body_start; i++) {
		const char *name, *v;
		size_t len, p = 0, k;
		char *copy;
		bool hit = false;

		if (d->items[i].kind != TEXT_BYLINE)
			continue;
		name = text_byline_name(&d->items[i], &len);
		if (len == 0)
			continue;
		copy = xstrndup(name, len);
		while (!hit && (v = text_next_word(copy, &p, &k)) != NULL)
			hit = k == n && memcmp(v, w, n) == 0;
		free(copy);
		if (hit)
			return true;
	}
	return false;
}

/* True when item it of the region holds w[0..n) as a word. */
static bool
text_holds_word(const struct text_item *it, const char *w, size_t n)
{
	const char *v;
	size_t p = 0, k;

	while ((v = text_next_word(it->s, &p, &k)) != NULL)
		if (k == n && memcmp(v, w, n) == 0)
			return true;
	return false;
}

/* True when item i of the region names the page's author in its
 * opening (a short heading: in any of its words), a name the region
 * over it does not hold (the author is no one the article speaks of)
 * and no byline's word ("by", "von") stands before (heizung.de's
 * "Fazit von Alexander Rosenkranz" over the article's conclusion). */
static bool
text_names_author(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];
	const char *w;
	size_t p = 0, n;
	int max = it->bodylike ? TEXT_BIO_OPEN_WORDS : TEXT_BIO_HEAD_WORDS;

	if (!it->bodylike && it->words > TEXT_BIO_HEAD_WORDS)
		return false;
	for (int k = 0; k < max && (w = text_next_word(it->s, &p, &n)) !=
	    NULL; k++) {
		bool seen = false;

		if (!text_author_word(d, w, n))
			continue;
		/* "Fazit von Jane Doe": her part of the article, signed */
		if (text_named_by_word(it->s, (size_t)(w - it->s)))
			return false;
		for (size_t j = d->body_start; j < i && !seen; j++)
			seen = text_holds_word(&d->items[j], w, n);
		if (!seen)
			return true;
	}
	return false;
}

/* Ends the region before item i and before the items over it that are
 * no prose (a box's heading, a caption), the region's first kept. */
void
text_end_body(struct text_doc *d, size_t i)
{
	d->body_end = i;
	while (d->body_end > d->body_start &&
	    !d->items[d->body_end - 1].bodylike)
		d->body_end--;
}

/* Ends the region over the author's box: an item under the body that
 * names the author of a byline over the region (text_names_author())
 * where the body-like text from it to the region's end weighs less
 * than the body over it. The bio (and what the search took in under
 * it, an appeal to support the site) is no part of the article. */
void
text_trim_author_box(struct text_doc *d)
{
	size_t over = 0, b = 0;

	while (b < d->body_start && d->items[b].kind != TEXT_BYLINE)
		b++;
	if (b == d->body_start)
		return;
	for (size_t i = d->body_start; i < d->body_end; i++) {
		size_t under = 0;

		if (over > 0 && text_names_author(d, i)) {
			for (size_t k = i; k < d->body_end; k++)
				if (d->items[k].bodylike)
					under += d->items[k].width;
			if (under >= over)
				return;
			text_end_body(d, i);
			return;
		}
		if (d->items[i].bodylike)
			over += d->items[i].width;
	}
}

/* Drops the region's last item where it ends with a colon over a box
 * of links: a line the page shows twice or a bulleted headline
 * (TEXT_ANNOUNCE_WORDS words or more) among the TEXT_ANNOUNCE_SPAN
 * items under it. It announces what the article does not hold (a
 * paywall's offers, related stories: "Wählen Sie Ihren Zugang und
 * lesen Sie weiter:", "Weitere Informationen zum Thema:"); a list of
 * sources set as bare links or the lines of code under it are left. */
void
text_trim_announce(struct text_doc *d)
{
	size_t e = d->body_end;
	bool box = false;

	if (e < d->body_start + 2 || e >= d->n ||
	    d->items[e - 1].kind != TEXT_BODY ||
	    !text_ends_colon(d->items[e - 1].s) || d->items[e].chrome)
		return;
	for (size_t i = e; i < d->n && i < e + TEXT_ANNOUNCE_SPAN; i++)
		box = box || d->items[i].twice || d->items[i].repeated ||
		    (d->items[i].bullet &&
		    d->items[i].words >= TEXT_ANNOUNCE_WORDS);
	if (!box)
		return;
	d->items[e - 1].kind = TEXT_RELATED;
	text_end_body(d, e - 1);
}

/* True when word w (n bytes) at offset off of s speaks to the reader:
 * a pronoun of the second person ("you", "Ihnen", "du", "vous"); the
 * German polite "Sie"/"Ihr"/"Ihre" only capitalised inside a sentence
 * (at its start it is "they", "her"). */
static bool
text_you_word(const char *s, size_t off, const char *w, size_t n)
{
	static const char *const you[] = {
		"you", "your", "yours", "yourself", "du", "dich", "dir",
		"dein", "deine", "deinen", "deinem", "deiner", "deines",
		"euch", "euer", "eure", "euren", "eures", "vous", "votre",
		"vos", "usted", "ustedes",
	};
	static const char *const polite[] = {
		"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres",
		"Ihnen",
	};
	size_t b = off;

	if (text_word_in(w, n, you, TEXT_NELEM(you)))
		return true;
	for (size_t i = 0; i < TEXT_NELEM(polite); i++) {
		if (strlen(polite[i]) != n || memcmp(w, polite[i], n) != 0)
			continue;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		return b > 0 && strchr(".!?:\"", s[b - 1]) == NULL &&
		    (unsigned char)s[b - 1] < 0x80;
	}
	return false;
}

/* True when word w (n bytes) is a pronoun of the first person ("I",
 * "wir", "unser"): a writer who speaks as themself. */
static bool
text_me_word(const char *w, size_t n)
{
	static const char *const me[] = {
		"ich", "mich", "mir", "mein", "meine", "meinen", "meinem",
		"meiner", "wir", "uns", "unser", "unsere", "unseren",
		"unserem", "unserer", "i", "me", "my", "mine", "we", "us",
		"our", "ours", "je", "moi", "nous", "notre", "nos", "yo",
		"nosotros",
	};

	return text_word_in(w, n, me, TEXT_NELEM(me));
}

/* True when the code point at s opens or closes a quotation ('"', the
 * curly and the angled quotes): a quoted person's words are theirs, not
 * the writer's. *adv is its length. */
static bool
text_quote_mark(const char *s, size_t *adv)
{
	static const int32_t marks[] = {
		'"', 0x201c, 0x201d, 0x201e, 0xab, 0xbb,
	};
	int32_t cp = text_cp_at(s, strnlen(s, 4), adv);

	for (size_t i = 0; i < TEXT_NELEM(marks); i++)
		if (cp == marks[i])
			return true;
	return false;
}

/* True when item it speaks to the reader (text_you_word()), or, with
 * me, speaks as its writer (text_me_word()), outside quotations; with
 * first, in its first sentence only. */
static bool
text_addresses(const struct text_item *it, bool me, bool first)
{
	bool quoted = false;

	for (size_t p = 0; it->s[p] != '\0';) {
		size_t k = text_word_len(it->s + p), adv;

		if (k > 0 && !quoted && (me ? text_me_word(it->s + p, k) :
		    text_you_word(it->s, p, it->s + p, k)))
			return true;
		if (k > 0) {
			p += k;
			continue;
		}
		if (text_quote_mark(it->s + p, &adv))
			quoted = !quoted;
		else if (first && !quoted && strchr(".!?", it->s[p]) !=
		    NULL && it->s[p + 1] == ' ')
			return false;
		p += adv;
	}
	return false;
}

/* Ends the region over its last paragraphs where they speak to the
 * reader and nothing of the region over them does: the article told of
 * others in the third person, and the lines under it turn to "you"
 * (a newsletter's or a shop's pitch, a seminar's offer, the house
 * rules of the comments: "Abonnieren Sie ...", "Get the latest news
 * straight to your phone"). The body over them must outweigh them. */
void
text_trim_address(struct text_doc *d)
{
	size_t e = d->body_end, over = 0, under = 0;

	if (e > d->body_start && d->items[e - 1].bodylike &&
	    text_addresses(&d->items[e - 1], false, true))
		under += d->items[--e].width;
	if (e == d->body_end || e == d->body_start)
		return;
	for (size_t i = d->body_start; i < e; i++) {
		if (text_addresses(&d->items[i], false, false) ||
		    text_addresses(&d->items[i], true, false))
			return;
		if (d->items[i].bodylike)
			over += d->items[i].width;
	}
	if (over <= under)
		return;
	text_end_body(d, e);
}

/* Ends the region over the block of its last paragraph where that
 * blank-line block opens inside the region and holds chrome of
 * TEXT_WIDGET_WORDS words or more under the region (a button, a box's
 * heading: "Donate Now", "Das k\xc3\xb6nnte Sie auch interessieren",
 * the last of a comment policy's rules), and the region's body over
 * the block outweighs the block's: the block is a widget under the
 * article (an appeal, a newsletter's teaser, house rules), whose
 * paragraphs stand in blocks of their own. One-word chrome ("Tags:", an ad's
 * placeholder) is a label the article's last block may hold. lynx sets
 * no blank line between a paragraph and the lines under it, so that in
 * its dumps the article's last paragraph may open a block of the
 * footer's lines: there the widget's block must open with a line over
 * its text (its heading, "Follow the Case", "HOUSE RULES"). */
void
text_trim_widget(struct text_doc *d)
{
	size_t e = d->body_end, last = e, first, over = 0, under = 0;
	bool chrome = false;
	int block;

	if (e <= d->body_start || e >= d->n)
		return;
	while (last > d->body_start && d->items[last - 1].kind != TEXT_BODY)
		last--;
	if (last == d->body_start)
		return;
	block = d->items[--last].block;
	first = last;
	while (first > 0 && d->items[first - 1].block == block)
		first--;
	for (size_t i = first; i < d->n && d->items[i].block == block; i++) {
		const struct text_item *it = &d->items[i];

		chrome = chrome || (i >= e && it->chrome &&
		    it->words >= TEXT_WIDGET_WORDS);
	}
	if (!chrome || first <= d->body_start ||
	    (d->lynx && d->items[first].bodylike))
		return;
	for (size_t i = d->body_start; i < e; i++) {
		const struct text_item *it = &d->items[i];

		if (i >= first && it->kind == TEXT_BODY)
			under += it->width;
		else if (i < first && it->kind == TEXT_BODY && it->bodylike)
			over += it->width;
	}
	if (over <= under)
		return;
	text_end_body(d, first);
}

/* Words of a link to a writer's other pieces, at most (an arrow after
 * them aside), and of its name. */
#define TEXT_MORE_BY_WORDS 8
#define TEXT_MORE_BY_NAME_WORDS 4

/* True when word w (n bytes) is one of the words of v, in any case. */
static bool
text_word_in(const char *w, size_t n, const char *const *v, size_t nv)
{
	for (size_t i = 0; i < nv; i++)
		if (strlen(v[i]) == n && strncasecmp(w, v[i], n) == 0)
			return true;
	return false;
}

size_t
text_more_by(const char *s, size_t *len)
{
	static const char *const more[] = {
		"mehr", "alle", "alles", "weitere", "more", "all",
	};
	static const char *const by[] = { "von", "by" };
	const char *w[TEXT_MORE_BY_WORDS + 1];
	size_t wl[TEXT_MORE_BY_WORDS + 1], nw = 0, k, adv;
	const char *p = s;

	*len = 0;
	/* lynx's number of the link ("[91]Alles von ...") */
	if (*p == '[' && p[1] >= '0' && p[1] <= '9') {
		p += strspn(p + 1, "0123456789") + 1;
		if (*p++ != ']')
			return 0;
	}
	while (*p != '\0') {
		size_t n = strcspn(p, " ");

		if (nw > TEXT_MORE_BY_WORDS)
			return 0;
		w[nw] = p;
		wl[nw++] = n;
		p += n + strspn(p + n, " ");
	}
	/* an arrow after the name ("Mehr Artikel von Stefanus ->") */
	if (nw > 0 && !text_cp_letter(text_cp_at(w[nw - 1], wl[nw - 1],
	    &adv)))
		nw--;
	/* "Alles von", "Mehr Artikel von", "find more by", "Zeige alle
	 * Beitraege von" */
	for (k = 1; k <= 3 && k < nw; k++)
		if (text_word_in(w[k], wl[k], by, TEXT_NELEM(by)))
			break;
	if (k > 3 || k + 1 >= nw || nw - k - 1 > TEXT_MORE_BY_NAME_WORDS ||
	    (!text_word_in(w[0], wl[0], more, TEXT_NELEM(more)) &&
	    !text_word_in(w[1], wl[1], more, TEXT_NELEM(more))))
		return 0;
	for (size_t j = k + 1; j < nw; j++)
		if (!text_starts_upper(w[j]))
			return 0;
	*len = (size_t)(w[nw - 1] + wl[nw - 1] - w[k + 1]);
	return (size_t)(w[k + 1] - s);
}

const char *
text_more_by_name(const struct text_doc *d, size_t *len)
{
	size_t from = d->title < d->n ? d->title + 1 : d->body_start;

	*len = 0;
	for (size_t i = from; i < d->n; i++) {
		const struct text_item *it = &d->items[i];
		size_t off;

		if (it->bodylike || it->words > TEXT_MORE_BY_WORDS + 1)
			continue;
		off = text_more_by(it->s, len);
		if (*len > 0)
			return it->s + off;
	}
	return NULL;
}
