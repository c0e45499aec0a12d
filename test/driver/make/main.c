/* main.c - ten tasks each sum a tenth of 1..100. Without -fompss the
 * pragmas are ignored and the loop runs sequentially; both print 5050. */
#include "sum.h"

#include <stdio.h>

int main(void)
{
    long part[10];
    for (int b = 0; b < 10; b++) {
#pragma oss task out(part[b])
        part[b] = sum_range(10 * b + 1, 10 * b + 10);
    }
#pragma oss taskwait
    long total = 0;
    for (int b = 0; b < 10; b++)
        total += part[b];
    printf("sum %ld\n", total);
    return total == 5050 ? 0 : 1;
}
