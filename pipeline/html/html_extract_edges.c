/* The HTML extractor's edges: what the prose filter keeps at the ends
 * of the winner that is no text of the article (kickers, banners, link
 * lines, notes, the author's box, the outlet's pitch), and repeats of
 * the headline and of the metadata's lines. See html_extract_int.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "html_extract_int.h"
#include "html_meta.h"

/* Whether p, before the first paragraph of prose, is a kicker or a
 * section label ("Aktuell", "Kategorie: News"): short, no sentence. */
static bool
html_is_kicker(const struct html_para *p)
{
	size_t n = strlen(p->text);

	if (html_pclass(p) != HTML_P_SHORT || p->len >= 30 || n == 0)
		return false;
	return strchr(".!?\"", p->text[n - 1]) == NULL;
}

/* Capital letters of a line in capitals, at least (html_is_shout()). */
#define HTML_SHOUT_CAPS 8

/* Whether p is written in capitals: a banner or a notice set over the
 * text ("GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE..."), no prose.
 * Only Latin letters are judged; a text in another script that names
 * acronyms is no shout. */
bool
html_is_shout(const struct html_para *p)
{
	unsigned upper = 0, other = 0;

	for (const unsigned char *s = (const unsigned char *)p->text;
	    *s != '\0'; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		if (*s >= 'A' && *s <= 'Z')
			upper++;
		else if (*s >= 0xc0)
			other++;
	}
	return upper >= HTML_SHOUT_CAPS && other * 4 < upper;
}

/* Whether p, however much of it is linked, holds a sentence of its own
 * words ("The findings were published today in <a>the journal BMJ Case
 * Reports</a>."): no link line. */
static bool
html_has_own_words(const struct html_para *p)
{
	return p->len - p->link >= HTML_OWN_WORDS;
}

/* Whether p ends a sentence: its last character is a full stop, a
 * question or exclamation mark, a closing quote or bracket, in ASCII or
 * in the forms of other scripts (CJK, Arabic, Devanagari, typographic
 * quotes). */
static bool
html_ends_sentence(const struct html_para *p)
{
	/* 。！？ 」»« “”’ …؟। */
	static const char *const ends[] = {
		"\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f",
		"\xe3\x80\x8d", "\xc2\xbb", "\xc2\xab",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99",
		"\xe2\x80\xa6", "\xd8\x9f", "\xe0\xa5\xa4",
	};
	size_t n = strlen(p->text);
	const char *e = p->text + n;

	if (n == 0)
		return false;
	if ((unsigned char)e[-1] < 0x80)
		return strchr(".!?\"')", e[-1]) != NULL;
	while (e > p->text + 1 && ((unsigned char)e[-1] & 0xc0) == 0x80)
		e--;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (strcmp(e - 1, ends[i]) == 0)
			return true;
	return false;
}

/* Lines in a row that end no sentence from which on they are a list
 * (results, dates, specifications), not a note under the text. */
#define HTML_LIST_RUN 4

/* Whether p, after the last paragraph of prose (GOOD), is a note, a
 * credit or a call to action ("Text: ...", "Photo credits ...", "Help
 * us spread the word"): a line of NEAR length that ends no sentence,
 * neither a heading (the label rules judge those) nor a list item, nor
 * one of a run of such lines (run: the length of its run). */
static bool
html_is_tail_note(const struct html_para *p, size_t run)
{
	return !p->head && !p->item && html_pclass(p) == HTML_P_NEAR &&
	    !html_ends_sentence(p) && run < HTML_LIST_RUN;
}

/* Whether p, a short line after the last paragraph of prose, is the
 * text's signature ("x Franzi", "Euer HansEhrlich"): a name, no
 * sentence ("Sharing is caring!"), unlinked, in the box of the last
 * long paragraph (good), as the text's paragraphs are; the page's lines
 * after a text (tags, "Share", categories) sit in boxes of their own. */
static bool
html_is_signature(const struct html_ctx *ctx, const struct html_para *p,
    size_t good)
{
	return good < ctx->n_paras && p->link == 0 && p->box != NULL &&
	    p->box == ctx->paras[good].box && !html_ends_sentence(p);
}

/* Drops, at the edges of the winner, the link lines and kickers before
 * the first paragraph that reads as prose and the short lines and link
 * lines after the last one (but a signature): breadcrumbs, bylines,
 * "Share", "Tags: ..."; and after the last long paragraph, the notes
 * under the text. */
static void
html_paras_edges(struct html_ctx *ctx)
{
	size_t first = ctx->n_paras, last = 0, good = ctx->n_paras;
	size_t *run;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (html_pclass(&ctx->paras[i]) >= HTML_P_NEAR) {
			if (first == ctx->n_paras && !ctx->paras[i].caption &&
			    !html_is_shout(&ctx->paras[i]))
				first = i;
			last = i;
		}
		if (html_pclass(&ctx->paras[i]) == HTML_P_GOOD)
			good = i;
	}
	if (first == ctx->n_paras)
		return;
	/* the length of the run of lines ending no sentence around each */
	run = xcalloc(ctx->n_paras + 1, sizeof(*run));
	for (size_t i = 0, j; i < ctx->n_paras; i = j) {
		for (j = i; j < ctx->n_paras &&
		    !html_ends_sentence(&ctx->paras[j]); j++)
			;
		for (size_t k = i; k < j; k++)
			run[k] = j - i;
		if (j == i)
			j++;
	}
	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->recipe)
			continue;
		if (good < ctx->n_paras && i > good &&
		    html_is_tail_note(p, run[i]))
			p->keep = false;
		if (p->head)
			continue;
		if (i < first && ((html_pclass(p) == HTML_P_BAD &&
		    !html_has_own_words(p)) || html_is_kicker(p) ||
		    html_is_shout(p)))
			p->keep = false;
		if (i > last && html_pclass(p) <= HTML_P_SHORT &&
		    !html_has_own_words(p) && !html_is_signature(ctx, p,
		    good) && !html_is_address_text(p->text))
			p->keep = false;
	}
	free(run);
}

/* Drops the link lines that end the text ("Continue reading...") when
 * there is text before them. */
void
html_paras_links_after(struct html_ctx *ctx)
{
	while (ctx->n_paras > 1 &&
	    html_pclass(&ctx->paras[ctx->n_paras - 1]) == HTML_P_BAD) {
		free(ctx->paras[ctx->n_paras - 1].text);
		ctx->n_paras--;
	}
}

/* Visible characters of a paragraph from which its text, written twice
 * in a row, is a repeat. */
#define HTML_REPEAT_MIN 50

/* Whether p holds the headline title and, besides it, links only: a
 * breadcrumb trail that ends in the headline ("Home Sport News
 * BREAKING NEWS: ..."). */
static bool
html_is_trail(const struct html_para *p, const char *title)
{
	return strstr(p->text, title) != NULL &&
	    p->len - p->link <= html_count_text(title, NULL);
}

/* Whether text is the headline title, whole or without the outlet's
 * name the title ends with after a separator ("X - Entermedia", "X |
 * Site"). */
static bool
html_is_headline(const char *text, const char *title)
{
	static const char *const seps[] = { " - ", " | ", " \xe2\x80\x93 ",
		" \xe2\x80\x94 ", " :: " };
	size_t n = strlen(text);

	if (strcmp(text, title) == 0)
		return true;
	if (n == 0 || strncmp(text, title, n) != 0)
		return false;
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		if (strncmp(title + n, seps[i], strlen(seps[i])) == 0)
			return true;
	return false;
}

/* Marks the paragraphs that repeat: a text written twice or more in a
 * row, every copy (a gallery's caption in its long and short forms; an
 * author writes a paragraph once, a repeat is the page's machinery for
 * two screens), and the headline written again, alone or at the end of
 * a trail of links (a gallery's or a share box's title, a breadcrumb:
 * the body is the article after its title). Marked as
 * captions: written and left out, so that the edges of the text are
 * judged with them. */
static void
html_paras_repeated(struct html_ctx *ctx)
{
	const char *title = ctx->a->title;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *q = &ctx->paras[i];
		struct html_para *p = i > 0 ? q - 1 : NULL;

		if (title != NULL && (html_is_headline(q->text, title) ||
		    html_is_trail(q, title))) {
			HTML_DEBUG_MSG("headline: %s\n", q->text);
			q->caption = true;
		}
		if (p == NULL || q->len < HTML_REPEAT_MIN ||
		    q->len != p->len || strcmp(p->text, q->text) != 0)
			continue;
		HTML_DEBUG_MSG("repeated: %s\n", q->text);
		p->caption = q->caption = true;
	}
}

/* Characters of a date line besides its date, at most ("Published",
 * "Updated |"). */
#define HTML_DATE_WORDS 20

/* Words of a date line besides its date, at most, however long
 * ("Pressemitteilung Aktuell 02. November 2021"). */
#define HTML_DATE_WORDS_N 2

/* Words of text outside its span [at, at + span): runs of letters. */
static size_t
html_count_words(const char *text, size_t at, size_t span)
{
	size_t words = 0;
	bool in = false;

	for (size_t i = 0; text[i] != '\0'; i++) {
		unsigned char c = (unsigned char)text[i];
		bool letter = isalpha(c) || c >= 0x80;

		if (i >= at && i < at + span)
			letter = false;
		if (letter && !in)
			words++;
		in = letter;
	}
	return words;
}

/* Whether p is the article's byline or date line: a line shorter than a
 * paragraph of prose that ends no sentence and names an author the
 * metadata gave ("Meg Kinnard and Errin Haines, Associated Press"), or
 * holds a full date and few characters or words besides ("Published
 * 11:11 PM EST Nov 19, 2019", "Pressemitteilung Aktuell 02. November
 * 2021"). */
static bool
html_is_meta_line(const struct html_ctx *ctx, const struct html_para *p)
{
	struct nw_time t;
	size_t n = strlen(p->text), at, span;

	if (p->head || p->item || p->len >= HTML_PROSE_OWN ||
	    html_ends_sentence(p))
		return false;
	if (html_meta_names_author(ctx->a, p->text))
		return true;
	if (date_find(p->text, n, &t, &at, &span) != 0)
		return false;
	return n - span <= HTML_DATE_WORDS ||
	    html_count_words(p->text, at, span) <= HTML_DATE_WORDS_N;
}

/* Marks the byline and date lines over the article's first paragraph of
 * prose (the lede), as captions: written and left out, so that what
 * sits between them and the lede (a gallery's counter, "Close") goes
 * as kickers. */
static void
html_paras_lead_meta(struct html_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->caption || p->recipe)
			continue;
		if (html_pclass(p) == HTML_P_GOOD)
			break;
		if (html_is_meta_line(ctx, p)) {
			HTML_DEBUG_MSG("meta line: %s\n", p->text);
			p->caption = true;
		}
	}
}

/* Whether block b sits in a table or a quotation: data, or the words
 * of another (an embedded post's signature and date). */
static bool
html_in_table_or_quote(const xmlNode *b)
{
	for (; html_is_elem(b); b = b->parent)
		if ((html_ni(b) != NULL && html_ni(b)->kind == HTML_K_TABLE) ||
		    strcmp((const char *)b->name, "blockquote") == 0)
			return true;
	return false;
}

/* Marks the byline and date lines between a standfirst and the lede,
 * as captions: the text's first paragraph of prose and its second
 * parted by lines that are a date or a byline ("Jun 18th 2018" over
 * the lede, the standfirst over it: the <aside> or the class that held
 * the date on the real page may be gone). Lines in a table are data,
 * lines in a quotation another's. */
static void
html_paras_lede_meta(struct html_ctx *ctx)
{
	unsigned good = 0;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->recipe)
			continue;
		if (html_pclass(p) == HTML_P_GOOD) {
			if (++good == 2)
				break;
			continue;
		}
		if (good == 0 || p->caption || html_in_table_or_quote(p->block))
			continue;
		if (html_is_meta_line(ctx, p)) {
			HTML_DEBUG_MSG("lede meta line: %s\n", p->text);
			p->caption = true;
		}
	}
}

/* Leaves out the standfirst written over the byline: the text's first
 * paragraph of prose when it is the metadata's subtitle (so written
 * there) and a short line that ends no sentence ("By", "Текст: ...·24
 * сентября 2018") parts it from the prose after it, the lede. The
 * byline goes with it. A lede that the subtitle repeats has no byline
 * between it and the text, and stays. */
static void
html_paras_standfirst(struct html_ctx *ctx)
{
	const char *sub = ctx->a->subtitle;
	size_t i, j;

	if (sub == NULL)
		return;
	for (i = 0; i < ctx->n_paras; i++)
		if (!ctx->paras[i].caption &&
		    html_pclass(&ctx->paras[i]) == HTML_P_GOOD)
			break;
	for (j = i + 1; j < ctx->n_paras && ctx->paras[j].caption; j++)
		;
	if (j + 1 >= ctx->n_paras || strcmp(ctx->paras[i].text, sub) != 0)
		return;
	if (ctx->paras[j].head || ctx->paras[j].item ||
	    html_pclass(&ctx->paras[j]) == HTML_P_GOOD ||
	    html_ends_sentence(&ctx->paras[j]) ||
	    html_pclass(&ctx->paras[j + 1]) != HTML_P_GOOD)
		return;
	HTML_DEBUG_MSG("standfirst: %s\n", ctx->paras[i].text);
	ctx->paras[i].caption = true;
	ctx->paras[j].caption = true;
}

/* Paragraphs under the last heading of the text, at most, for them to be
 * a box about the author. */
#define HTML_AUTHOR_TAIL 3

/* Leaves out the box about the author that ends the text: the last
 * heading and at most HTML_AUTHOR_TAIL paragraphs under it, when the
 * heading or one of them names an author the metadata gave ("Über
 * Moritz Bachmann" and his biography). A signature that ends the text
 * after a paragraph under the heading (a short line, no sentence: "XX,
 * Die Redaktion") names the author of the whole text, not of a box. */
static void
html_paras_author_tail(struct html_ctx *ctx)
{
	size_t h = ctx->n_paras;
	bool names = false;

	for (size_t i = ctx->n_paras; i > 0 && ctx->n_paras - i <
	    HTML_AUTHOR_TAIL + 1; i--)
		if (ctx->paras[i - 1].head) {
			h = i - 1;
			break;
		}
	if (h == ctx->n_paras || h == 0)
		return;
	for (size_t i = h; i < ctx->n_paras; i++) {
		const struct html_para *p = &ctx->paras[i];

		if (i + 1 == ctx->n_paras && i > h + 1 &&
		    html_pclass(p) != HTML_P_GOOD && !html_ends_sentence(p))
			continue;
		/* a paragraph left out (a caption, a form, a comment
		 * prompt) is no part of a box about the author */
		if (p->caption)
			continue;
		names = names || html_meta_names_author(ctx->a, p->text);
	}
	for (size_t i = h; names && i < ctx->n_paras; i++) {
		HTML_DEBUG_MSG("author's box: %s\n", ctx->paras[i].text);
		ctx->paras[i].caption = true;
	}
}

/* Characters a heading over an author's biography holds beside the
 * author's name, at most: a label ("Über ", "About the author: "). */
#define HTML_AUTHOR_LABEL 24

/* Whether paragraph p opens with the name of one of the authors the
 * metadata gave, as a biography does ("Celia Parbey ist Berlinerin
 * und ...", "Yirou Chen ist seit Juli 2018 ..."); *name is set to the
 * longest such name's length. */
static bool
html_opens_with_author(const struct html_ctx *ctx, const char *p,
    size_t *name)
{
	for (size_t i = 0; i < ctx->a->authors.n; i++) {
		const char *v = ctx->a->authors.v[i];
		size_t n = strlen(v);

		if (strchr(v, ' ') != NULL && strncmp(p, v, n) == 0 &&
		    (p[n] == ' ' || p[n] == ',')) {
			*name = n;
			return true;
		}
	}
	return false;
}

/* Leaves out an author's biography in the text's second half, where
 * more may follow it (a pitch, another box): a paragraph that opens
 * with the author's full name, the metadata's, and ends the text or a
 * section (a heading follows), and the short heading over it ("Celia",
 * "Zur Person"). A text about its writer names him so among its
 * paragraphs, not as a section's last. html_paras_author_tail() reads
 * the last heading's box only. */
static void
html_paras_author_bio(struct html_ctx *ctx)
{
	for (size_t i = ctx->n_paras / 2 + 1; ctx->a->authors.n > 0 &&
	    i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];
		size_t name = 0;

		if (p->head || p->caption || !p->keep ||
		    (i + 1 < ctx->n_paras && !ctx->paras[i + 1].head) ||
		    !html_opens_with_author(ctx, p->text, &name))
			continue;
		HTML_DEBUG_MSG("author's bio: %s\n", p->text);
		p->caption = true;
		if (ctx->paras[i - 1].head && ctx->paras[i - 1].len <= name +
		    HTML_AUTHOR_LABEL)
			ctx->paras[i - 1].caption = true;
	}
}

/* Whether byte c may sit inside a word: an ASCII letter or digit, or a
 * byte of a UTF-8 sequence. */
static bool
html_word_byte(char c)
{
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || isalnum(u);
}

/* Characters of an outlet's name below which it is no signal: as a
 * word, and as the opening of a handle (a name of three letters names
 * its own account, "@BGRDeals", but as a word is the source a report
 * quotes, "..., she told CNN.", as often as the outlet's pitch). */
#define HTML_OUTLET_MIN 4
#define HTML_OUTLET_HANDLE_MIN 3

/* Whether text names the outlet (name, as the metadata gave it) as a
 * word of its own, in its own case ("Join our Space Forums"; not "in
 * space"), or opens a handle with it, its account ("Follow us on
 * Twitter @Spacedotcom"; not "@NASASpace"). */
static bool
html_names_outlet(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *s = strstr(text, name); s != NULL;
	    s = strstr(s + 1, name)) {
		if (s > text && s[-1] == '@')
			return true;
		if (n >= HTML_OUTLET_MIN &&
		    (s == text || !html_word_byte(s[-1])) &&
		    !html_word_byte(s[n]))
			return true;
	}
	return false;
}

/* Visible characters of a line of credits, at most. */
#define HTML_CREDITS_MAX 200

/* Whether text, from s, opens with a role given by a name: a word, then
 * " by " ("Reporting by", "editing by"). Returns the end of " by ". */
static const char *
html_role_by(const char *s)
{
	const char *w = s;

	while (isalpha((unsigned char)*w))
		w++;
	if (w == s || strncmp(w, " by ", 4) != 0)
		return NULL;
	return w + 4;
}

/* Whether p is a line of credits, each role given by its names: two or
 * more, the first opening the line ("Reporting by Ann Lee; Editing by
 * Bo Chan", "(Reporting by ..., with reporting by ..., editing by
 * ...)"): a wire story's, whatever the outlet that runs it. */
static bool
html_is_credits(const struct html_para *p)
{
	const char *s = p->text + (p->text[0] == '(');

	if (p->len > HTML_CREDITS_MAX || !isupper((unsigned char)*s) ||
	    (s = html_role_by(s)) == NULL)
		return false;
	for (; *s != '\0'; s++) {
		const char *w = s + 1;

		if (*s != ';' && *s != ',')
			continue;
		while (*w == ' ')
			w++;
		for (int i = 0; i < 2 && *w != '\0'; i++) {
			/* a connective before the role ("with reporting") */
			if (html_role_by(w) != NULL)
				return true;
			while (isalpha((unsigned char)*w))
				w++;
			if (*w++ != ' ')
				break;
		}
	}
	return false;
}

/* Leaves out the paragraphs that end the text and name the outlet: the
 * site's pitch, its notes and calls to follow it ("Join our Space
 * Forums...", "FinCompare wurde als geprüftes Vergleichsportal..."),
 * and those that credit its people (html_is_credits()). A text that
 * names its own outlet in its closing lines ("..., she told the Daily
 * News.") loses them: the risk taken. */
static void
html_paras_outlet_tail(struct html_ctx *ctx)
{
	const char *name = ctx->a->publisher;

	if (name != NULL && strlen(name) < HTML_OUTLET_HANDLE_MIN)
		name = NULL;
	for (size_t i = ctx->n_paras; i > 1; i--) {
		struct html_para *p = &ctx->paras[i - 1];

		if (!p->keep || p->caption || p->recipe)
			continue;
		if (!html_is_credits(p) && (name == NULL ||
		    !html_names_outlet(p->text, name)))
			break;
		HTML_DEBUG_MSG("outlet's note: %s\n", p->text);
		p->keep = false;
	}
}

/* Paragraphs of prose in the text's own style, at least, for a style
 * to be the text's (shared); and the visible characters of a note in
 * another style after it, at most. */
#define HTML_STYLE_MIN 2
#define HTML_STYLE_NOTE 200
/* Paragraphs of such notes, at most: more are a part of the text (a
 * poll's lines, a list of sources). */
#define HTML_STYLE_RUN 3

/* Whether paragraphs a and b are written in one style: blocks of one
 * element and one class. */
static bool
html_same_style(const struct html_para *a, const struct html_para *b)
{
	if (a->block == NULL || b->block == NULL ||
	    !html_is_elem(a->block) || !html_is_elem(b->block))
		return a->block == b->block;
	return html_same_form(a->block, b->block);
}

/* Whether p is prose of the text: kept, written, long, no heading nor
 * list item. */
static bool
html_is_text_prose(const struct html_para *p)
{
	return p->keep && !p->caption && !p->head && !p->item &&
	    html_pclass(p) == HTML_P_GOOD;
}

/* Leaves out the short paragraphs that end the text in a style no
 * paragraph of the text has, when the text's prose shares a style: a
 * note set apart by its markup (an editor's note, a
 * disclosure, a credit line in a class of its own, "Keith Bradsher
 * contributed reporting from Hong Kong."). */
static void
html_paras_styled_tail(struct html_ctx *ctx)
{
	size_t style = ctx->n_paras, same = 0, run = 0;
	size_t tail, stop;

	/* the text's style: that of its last paragraph of prose before
	 * the tail, shared by another one */
	for (tail = ctx->n_paras; tail > 0; tail--) {
		const struct html_para *p = &ctx->paras[tail - 1];

		if (!p->keep || p->caption)
			continue;
		if (p->head || p->item || p->recipe ||
		    p->len > HTML_STYLE_NOTE)
			return;
		break;
	}
	for (size_t i = tail; i > 0; i--) {
		const struct html_para *p = &ctx->paras[i - 1];

		if (!html_is_text_prose(p))
			continue;
		if (style == ctx->n_paras) {
			if (i == tail)
				continue;
			style = i - 1;
		}
		same += html_same_style(p, &ctx->paras[style]);
		if (same >= HTML_STYLE_MIN)
			break;
	}
	if (style == ctx->n_paras || same < HTML_STYLE_MIN)
		return;
	for (stop = ctx->n_paras; stop > style + 1; stop--) {
		const struct html_para *p = &ctx->paras[stop - 1];
		bool seen = false;

		if (!p->keep || p->caption)
			continue;
		for (size_t j = 0; j < style + 1 && !seen; j++)
			seen = ctx->paras[j].keep && !ctx->paras[j].caption &&
			    html_same_style(p, &ctx->paras[j]);
		if (seen || p->head || p->item || p->recipe || p->link > 0 ||
		    p->len > HTML_STYLE_NOTE)
			break;
		if (++run > HTML_STYLE_RUN)
			return;
	}
	for (size_t i = stop; i < ctx->n_paras; i++)
		if (ctx->paras[i].keep && !ctx->paras[i].caption) {
			HTML_DEBUG_MSG("styled note: %s\n",
			    ctx->paras[i].text);
			ctx->paras[i].keep = false;
		}
}

/* Visible characters of a note opening the text, at most. */
#define HTML_HEAD_NOTE 300

/* The index of the text's opening line: the first kept paragraph that
 * is no caption, when it is a plain line (no heading, list item or
 * recipe part) of HTML_HEAD_NOTE characters at most; n_paras when the
 * text opens otherwise. */
static size_t
html_opening_line(const struct html_ctx *ctx)
{
	size_t i;
	const struct html_para *p;

	for (i = 0; i < ctx->n_paras; i++)
		if (ctx->paras[i].keep && !ctx->paras[i].caption)
			break;
	if (i == ctx->n_paras)
		return i;
	p = &ctx->paras[i];
	if (p->head || p->item || p->recipe || p->len > HTML_HEAD_NOTE)
		return ctx->n_paras;
	return i;
}

/* Leaves out the linked note in italics that opens the text: a
 * disclosure ("*Werbung. Dieser Beitrag enthält Werbung für <a>X</a>",
 * "Dieser Artikel enthält Affiliate-Links ... <a>hier</a>"). Italics
 * set an aside apart; a lede set apart is bold, and a line in italics
 * over the text without a link (an info line) stays. */
static void
html_paras_head_note(struct html_ctx *ctx)
{
	size_t i = html_opening_line(ctx);
	struct html_para *p;
	bool prose = false;

	if (i == ctx->n_paras)
		return;
	p = &ctx->paras[i];
	if (p->link == 0)
		return;
	for (size_t j = i + 1; j < ctx->n_paras && !prose; j++)
		prose = html_is_text_prose(&ctx->paras[j]);
	if (!prose)
		return;
	if (p->ital == p->len) {
		HTML_DEBUG_MSG("head note: %s\n", p->text);
		p->keep = false;
	}
}

/* Words in a row that make a run of a line (html_paras_restated()); the
 * runs of a line, at least, for it to be judged. */
#define HTML_RUN_WORDS 3
#define HTML_RESTATED_RUNS 5

/* The kept paragraphs after paragraph i that are longer than it, into
 * b, each after a NUL: a run of words (no NUL in it) is written in one
 * of them if and only if it is in b, and b is searched once for each
 * run, not each paragraph again (and measured again) for each. */
static void
html_said_after(const struct html_ctx *ctx, size_t i, struct buf *b)
{
	for (size_t j = i + 1; j < ctx->n_paras; j++) {
		const struct html_para *q = &ctx->paras[j];

		if (!q->keep || q->caption || q->len <= ctx->paras[i].len)
			continue;
		buf_putc(b, '\0');
		buf_append(b, q->text, strlen(q->text));
	}
}

/* The words of s (html_word_byte()). */
static size_t
html_words_of(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += html_word_byte(*s) && !html_word_byte(s[1]);
	return n;
}

/* Leaves out the line that opens the text when the text says it again:
 * half its runs of words or more are written in a longer paragraph
 * after it (a picture's caption that a lede tells in full, a pull
 * quote, a teaser over the story it sums up). An author tells a thing
 * once; a restatement over the text is the page's. The runs are
 * counted first, so the search stops once the answer is sure. */
static void
html_paras_restated(struct html_ctx *ctx)
{
	const char *at[HTML_RUN_WORDS] = { NULL };
	size_t i = html_opening_line(ctx), words = 0, runs = 0, said = 0;
	size_t all;
	const struct html_para *p;
	struct buf after = { 0 };

	if (i == ctx->n_paras)
		return;
	p = &ctx->paras[i];
	all = html_words_of(p->text);
	all = all < HTML_RUN_WORDS ? 0 : all - HTML_RUN_WORDS + 1;
	if (all < HTML_RESTATED_RUNS)
		return;
	html_said_after(ctx, i, &after);
	for (const char *t = p->text; *t != '\0' && after.len > 0; ) {
		if (!html_word_byte(*t)) {
			t++;
			continue;
		}
		at[words++ % HTML_RUN_WORDS] = t;
		while (html_word_byte(*t))
			t++;
		if (words < HTML_RUN_WORDS)
			continue;
		/* the run from the oldest of the last words to t */
		runs++;
		said += memmem(after.p, after.len, at[words % HTML_RUN_WORDS],
		    (size_t)(t - at[words % HTML_RUN_WORDS])) != NULL;
		if (said * 2 >= all || (said + all - runs) * 2 < all)
			break;
	}
	buf_free(&after);
	if (said * 2 < all)
		return;
	HTML_DEBUG_MSG("restated: %s\n", p->text);
	ctx->paras[i].keep = false;
}

/* Leaves out what the winner writes before the page's headline, the
 * first <h1> written, when that is the title or in it: the text starts
 * at its headline, and what comes over it inside the winner is the
 * page's (a privacy notice, a kicker, a breadcrumb trail, a teaser's
 * title), as a box before the headline's is (html_write_article()).
 * Not when what comes over it outweighs what follows it: then the
 * <h1> is a later box's, not the text's (a box of other stories under
 * a text without one). A recipe's part is its own. */
static void
html_paras_over_headline(struct html_ctx *ctx)
{
	const char *title = ctx->a->title;
	size_t at = ctx->h1_para, before = 0, after = 0;

	if (ctx->h1 == NULL || at == 0 || at > ctx->n_paras ||
	    title == NULL || strstr(title, ctx->h1) == NULL)
		return;
	for (size_t i = 0; i < ctx->n_paras; i++)
		if (i < at)
			before += ctx->paras[i].len;
		else
			after += ctx->paras[i].len;
	if (before >= after)
		return;
	for (size_t i = 0; i < at; i++) {
		if (ctx->paras[i].recipe)
			continue;
		HTML_DEBUG_MSG("over headline: %s\n", ctx->paras[i].text);
		ctx->paras[i].keep = false;
	}
}

/* Drops what the winner holds at its edges that is no text of the
 * article, in the order each rule expects the others to have run. */
void
html_paras_trim(struct html_ctx *ctx)
{
	html_paras_repeated(ctx);
	html_paras_over_headline(ctx);
	html_paras_lead_meta(ctx);
	html_paras_standfirst(ctx);
	html_paras_lede_meta(ctx);
	html_paras_author_tail(ctx);
	html_paras_author_bio(ctx);
	html_paras_edges(ctx);
	html_paras_styled_tail(ctx);
	html_paras_head_note(ctx);
	html_paras_restated(ctx);
	html_paras_outlet_tail(ctx);
}
