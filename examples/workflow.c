/* workflow.c - a file workflow of binary tasks: standard tools chained
 * through files, ordered by file dependences, as a COMPSs application
 * would be. The input text (CHUNKS x 40 lines) is cut into chunks by sed,
 * each chunk is upper-cased by tr (behind a 'sleep 0.1' that stands for
 * real work), sorted by sort, the sorted chunks are merged pairwise by
 * 'sort -m' and the result is checksummed by md5sum: 4 x CHUNKS tasks (64
 * by default), each a function prototype whose pragma names the program,
 * its argument template and its files. Checks the merged text against the
 * same lines upper-cased and sorted in C. The input, the reference and the
 * check are in workflow.h; this file holds the tasks.
 *
 * With SS_RESUME_LOG=FILE each finished task is logged; a run killed
 * half-way and started again with SS_RESUME=1 and the same log and DIR
 * skips the tasks that had finished (see docs/failures.md and
 * workflow-resume.sh, the test that does it).
 *
 * OmpSs-2 spelling only: binary tasks, file dependences and failure
 * policies are ssc's own (after COMPSs), which OmpSs v1 never had, so a v1
 * copy would show no v1 idiom. Built with -fompss only: a binary task has
 * no C body, so without -fompss the program does not link.
 *
 * Usage: workflow [DIR [CHUNKS]]   (default: a fresh directory, removed
 *                                   after a good run; CHUNKS=16)
 * Build: ssc -fompss -O2 workflow.c -o workflow */
#include "workflow.h"

/* Lines first..last of the input (sed counts from 1). */
#pragma oss task binary("sed") args("-n {first},{last}p {in}") stdout(out) infile(in) outfile(out) \
    label("extract")
void extract(const char *in, long first, long last, const char *out);

/* The chunk in upper case, through 'sh -c SCRIPT': the script is one
 * argument, spaces and all. */
#pragma oss task binary("sh") args("-c {script}") stdin(in) stdout(out) infile(in) outfile(out) \
    time_out(60) label("upcase")
void upcase(const char *script, const char *in, const char *out);

#pragma oss task binary("sort") args("-o {out} {in}") infile(in) outfile(out) label("sort")
void sort_chunk(const char *in, const char *out);

/* Two sorted files into one. */
#pragma oss task binary("sort") args("-m -o {out} {a} {b}") infile(a, b) outfile(out) label("merge")
void merge(const char *a, const char *b, const char *out);

/* No arguments: md5sum reads stdin and writes "HASH  -". */
#pragma oss task binary("md5sum") args("") stdin(in) stdout(out) infile(in) outfile(out) label("md5sum")
void checksum(const char *in, const char *out);

static int workflow_tasks(struct wf_files *f, int chunks, const char **all)
{
    int ntasks = 0;
    const char *level[WF_MAX_CHUNKS];
    for (int i = 0; i < chunks; i++) {
        extract(f->input, (long)i * WF_LINES + 1, (long)(i + 1) * WF_LINES, f->chunk[i]);
        upcase("sleep 0.1; exec tr a-z A-Z", f->chunk[i], f->upper[i]);
        sort_chunk(f->upper[i], f->sorted[i]);
        level[i] = f->sorted[i];
        ntasks += 3;
    }
    /* Merge neighbours until one file is left; an odd one waits a level. */
    int n = chunks, m = 0;
    while (n > 1) {
        int k = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            merge(level[i], level[i + 1], f->merged[m]);
            level[k++] = f->merged[m++];
            ntasks++;
        }
        if (n % 2)
            level[k++] = level[n - 1];
        n = k;
    }
    f->nmerged = m;
    *all = level[0];
    checksum(*all, f->sum);
    ntasks++;
    /* Waits for the checksum, and so for everything before it. */
#pragma oss taskwait infile(f->sum)
    return ntasks;
}

int main(int argc, char **argv)
{
    return workflow_main("workflow", argc, argv);
}
