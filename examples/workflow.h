/* workflow.h - the part of workflow.c that has no pragma in it: the working
 * directory and the file names, the input text, the reference result and
 * its check, and main's driver. The including file defines
 * workflow_tasks, the pipeline of binary tasks. */
#ifndef WORKFLOW_H
#define WORKFLOW_H

#include "example.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#define WF_LINES 40        /* lines per chunk */
#define WF_MAX_CHUNKS 64
#define WF_PATH 4096
#define WF_DIR (WF_PATH - 16)  /* room for "/sorted.NN" */

/* The files of one run, all in one directory. The tasks get pointers to
 * these names, which live until the end of the run. */
struct wf_files {
    char dir[WF_DIR];
    char input[WF_PATH];                  /* the generated text */
    char chunk[WF_MAX_CHUNKS][WF_PATH];   /* its lines, chunk by chunk */
    char upper[WF_MAX_CHUNKS][WF_PATH];   /* each chunk in upper case */
    char sorted[WF_MAX_CHUNKS][WF_PATH];  /* each of those sorted */
    char merged[WF_MAX_CHUNKS][WF_PATH];  /* the merges, the last one is all */
    char sum[WF_PATH];                    /* md5sum of the last merge */
    int nmerged;
};

/* The pipeline with tasks, over chunks chunks of f; defined by the
 * including file. Returns the number of tasks it created, and the last
 * merge (or sorted chunk) in *all. */
static int workflow_tasks(struct wf_files *f, int chunks, const char **all);

/* The names of the files in f->dir. */
static void wf_names(struct wf_files *f, int chunks)
{
    snprintf(f->input, WF_PATH, "%s/input.txt", f->dir);
    snprintf(f->sum, WF_PATH, "%s/all.md5", f->dir);
    for (int i = 0; i < chunks; i++) {
        snprintf(f->chunk[i], WF_PATH, "%s/chunk.%02d", f->dir, i);
        snprintf(f->upper[i], WF_PATH, "%s/upper.%02d", f->dir, i);
        snprintf(f->sorted[i], WF_PATH, "%s/sorted.%02d", f->dir, i);
        snprintf(f->merged[i], WF_PATH, "%s/merged.%02d", f->dir, i);
    }
}

/* Line i (0-based) of the input: lower-case words, a number and some
 * punctuation, in an order that sorting changes. */
static void wf_line(long i, char *buf, size_t cap)
{
    unsigned long long s = 0x9e3779b97f4a7c15ull ^ (unsigned long long)(i + 1) * 0x2545f4914f6cdd1dull;
    static const char *const words[] = {"task", "file", "merge", "sort", "chunk", "binary",
                                        "resume", "worker", "graph", "queue", "input", "zebra"};
    int n = snprintf(buf, cap, "%s %llu", words[ex_xorshift64(&s) % 12], ex_xorshift64(&s) % 1000);
    for (int w = 0; w < 3; w++)
        n += snprintf(buf + n, cap - (size_t)n, " %s%c", words[ex_xorshift64(&s) % 12],
                      ",.;:"[ex_xorshift64(&s) % 4]);
}

/* The input, written once: a run that finds it (a resumed one) keeps it,
 * so that its time stamp keeps the finished tasks up to date. Written
 * under another name and renamed, so it is never seen half written. */
static int wf_write_input(const struct wf_files *f, int chunks)
{
    if (access(f->input, F_OK) == 0)
        return 0;
    char tmp[WF_PATH + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", f->input);
    FILE *out = fopen(tmp, "w");
    if (!out)
        return -1;
    char line[256];
    for (long i = 0; i < (long)chunks * WF_LINES; i++) {
        wf_line(i, line, sizeof line);
        fprintf(out, "%s\n", line);
    }
    return fclose(out) || rename(tmp, f->input) ? -1 : 0;
}

static int wf_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The reference: every line in upper case, sorted bytewise (as sort does
 * under LC_ALL=C), each followed by a newline. */
static char *wf_reference(int chunks, size_t *len)
{
    long n = (long)chunks * WF_LINES;
    char **lines = ex_alloc((size_t)n, sizeof *lines);
    for (long i = 0; i < n; i++) {
        lines[i] = ex_alloc(256, 1);
        wf_line(i, lines[i], 256);
        for (char *c = lines[i]; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 'a' + 'A');
    }
    qsort(lines, (size_t)n, sizeof *lines, wf_cmp);
    size_t total = 1;
    for (long i = 0; i < n; i++)
        total += strlen(lines[i]) + 1;
    char *text = ex_alloc(total, 1);
    *len = 0;
    for (long i = 0; i < n; i++) {
        size_t k = strlen(lines[i]);
        memcpy(text + *len, lines[i], k);
        text[*len + k] = '\n';
        *len += k + 1;
        free(lines[i]);
    }
    text[*len] = 0;
    free(lines);
    return text;
}

/* The whole file at path (NUL-terminated, its length in *len), or NULL. */
static char *wf_read(const char *path, size_t *len)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return NULL;
    size_t cap = 4096, n = 0, k;
    char *buf = ex_alloc(cap, 1);
    while ((k = fread(buf + n, 1, cap - n - 1, in)) > 0) {
        n += k;
        if (n + 1 == cap) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                fclose(in);
                return NULL;
            }
            buf = more;
            cap *= 2;
        }
    }
    fclose(in);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Removes the files of a run and its directory (one workflow made). */
static void wf_remove(const struct wf_files *f, int chunks)
{
    remove(f->input);
    remove(f->sum);
    for (int i = 0; i < chunks; i++) {
        remove(f->chunk[i]);
        remove(f->upper[i]);
        remove(f->sorted[i]);
        remove(f->merged[i]);
    }
    rmdir(f->dir);
}

/* The main of workflow.c. */
static int workflow_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[DIR [CHUNKS]]");
    static struct wf_files f;
    const char *dir = argc > 1 ? argv[1] : NULL;
    int chunks = (int)ex_arg(argc, argv, 2, "CHUNKS", 16, 1, WF_MAX_CHUNKS);
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    int n = dir ? snprintf(f.dir, sizeof f.dir, "%s", dir) : snprintf(f.dir, sizeof f.dir, "%s/workflow.XXXXXX", tmp);
    if (n < 0 || (size_t)n >= sizeof f.dir) {
        fprintf(stderr, "%s: the directory name is too long\n", name);
        return 2;
    }
    if (!dir && !mkdtemp(f.dir)) {  /* a fresh directory, removed after a good run */
        fprintf(stderr, "%s: cannot make a directory in %s\n", name, tmp);
        return 2;
    } else if (dir && mkdir(dir, 0777) && access(dir, W_OK)) {
        fprintf(stderr, "%s: cannot use the directory %s\n", name, dir);
        return 2;
    }
    /* The programs sort and compare bytes, as the reference does. */
    setenv("LC_ALL", "C", 1);
    wf_names(&f, chunks);
    if (wf_write_input(&f, chunks)) {
        fprintf(stderr, "%s: cannot write %s\n", name, f.input);
        return 2;
    }

    double t0 = ex_now();
    const char *all;
    int ntasks = workflow_tasks(&f, chunks, &all);
    double t1 = ex_now();

    size_t want_len, got_len = 0, sum_len = 0;
    char *want = wf_reference(chunks, &want_len);
    char *got = wf_read(all, &got_len);
    char *sum = wf_read(f.sum, &sum_len);
    int sum_ok = sum && sum_len == 36 && strspn(sum, "0123456789abcdef") == 32 && !strcmp(sum + 32, "  -\n");
    int ok = got && got_len == want_len && !memcmp(got, want, want_len) && sum_ok;
    if (sum_ok)
        sum[32] = 0;
    int rc = ex_report(ok, "%d binary tasks over %d chunks of %d lines: %s; md5 %s; %.3f s", ntasks,
                       chunks, WF_LINES, got && got_len == want_len && !memcmp(got, want, want_len)
                           ? "sorted upper-case text as expected" : "the merged text differs from the reference",
                       sum_ok ? sum : "missing", t1 - t0);
    free(want);
    free(got);
    free(sum);
    if (!dir && ok)
        wf_remove(&f, chunks);
    return rc;
}

#endif
