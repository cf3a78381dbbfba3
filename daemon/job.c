#include "job.h"

void
job_run(void *job, void *arg)
{
	struct job *j = job;

	(void)arg;
	j->run(j);
}
