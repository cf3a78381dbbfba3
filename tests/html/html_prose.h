/* The HTML extractor's tests' article prose: three paragraphs of one
 * story, long enough to read as an article's text. */
#ifndef NW_TESTS_HTML_PROSE_H
#define NW_TESTS_HTML_PROSE_H

static const char prose1[] =
	"The council voted on Tuesday to rebuild the old harbour bridge, "
	"ending a dispute that had divided the town for more than a decade, "
	"and set aside four million euros for the work.";
static const char prose2[] =
	"Engineers said the new span would carry both cyclists and buses, "
	"and that construction could begin in the spring if the regional "
	"government approves the plans without further changes.";
static const char prose3[] =
	"Residents who had campaigned for the project, many of them fishermen, "
	"gathered outside the town hall to celebrate the decision, while "
	"opponents said they would consider an appeal.";

#endif
