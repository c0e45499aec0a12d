/* multisort.c - the classic multisort: split the array into four quarters,
 * sort each in a task (recursively), merge them pairwise into a scratch
 * array in two tasks, then merge the halves back in a third; each merge is
 * itself split recursively into independent tasks and joined with taskwait.
 * Checks the result against qsort. The sequential merge of one piece, the
 * input and the check are in multisort.h; this file holds the tasks.
 *
 * Usage: multisort [N]   (default N=1048576 elements)
 * Build: ssc -fompss -O2 multisort.c -o multisort */
#include "multisort.h"

static void merge(long nl, const long *left, long nr, const long *right, long *result,
                  long start, long length)
{
    if (length < 2 * MIN_MERGE_SIZE) {
        basicmerge(nl, left, nr, right, result, start, length);
        return;
    }
    long half = length / 2;
#pragma oss task label("merge piece")
    merge(nl, left, nr, right, result, start, half);
#pragma oss task label("merge piece")
    merge(nl, left, nr, right, result, start + half, length - half);
#pragma oss taskwait
}

/* Sorts data[0..n), using tmp[0..n) as scratch. */
static void multisort(long n, long *data, long *tmp)
{
    if (n < 4 * MIN_SORT_SIZE) {
        qsort(data, n, sizeof *data, cmp_long);
        return;
    }
    long q = n / 4, r = n - 3 * q; /* quarters of q, q, q and r elements */
#pragma oss task inout(data[0;q]) out(tmp[0;q]) label("sort quarter")
    multisort(q, data, tmp);
#pragma oss task inout(data[q;q]) out(tmp[q;q]) label("sort quarter")
    multisort(q, data + q, tmp + q);
#pragma oss task inout(data[2 * q;q]) out(tmp[2 * q;q]) label("sort quarter")
    multisort(q, data + 2 * q, tmp + 2 * q);
#pragma oss task inout(data[3 * q;r]) out(tmp[3 * q;r]) label("sort quarter")
    multisort(r, data + 3 * q, tmp + 3 * q);

#pragma oss task in(data[0;q], data[q;q]) out(tmp[0;2 * q]) label("merge quarters")
    merge(q, data, q, data + q, tmp, 0, 2 * q);
#pragma oss task in(data[2 * q;q], data[3 * q;r]) out(tmp[2 * q;q + r]) label("merge quarters")
    merge(q, data + 2 * q, r, data + 3 * q, tmp + 2 * q, 0, q + r);

#pragma oss task in(tmp[0;2 * q], tmp[2 * q;q + r]) out(data[0;n]) label("merge halves")
    merge(2 * q, tmp, q + r, tmp + 2 * q, data, 0, n);
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    return multisort_main("multisort", argc, argv);
}
