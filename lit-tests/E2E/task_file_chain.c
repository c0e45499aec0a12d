// File dependences order C tasks through a file: the writer (outfile, a
// function task, slow on purpose) runs before the appender (inoutfile, an
// inline task), which runs before the reader (infile); taskwait infile(path)
// waits for the appender only, and the file is then complete.
// RUN: %ssc -fompss %s -o %t
// RUN: env SS_NUM_THREADS=4 %t %t.txt | FileCheck %s
// CHECK: after taskwait infile: one two
// CHECK-NEXT: the reader saw: one two
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char seen[64];

static void slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    buf[n] = 0;
    for (char *p = buf; *p; p++)
        if (*p == '\n')
            *p = ' ';
    if (n)
        buf[n - 1] = 0;
    if (f)
        fclose(f);
}

#pragma oss task outfile(path)
void write_one(const char *path)
{
    usleep(100000);
    FILE *f = fopen(path, "w");
    fputs("one\n", f);
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    const char *path = argv[1];
    remove(path);
    write_one(path);
#pragma oss task inoutfile(path)
    {
        usleep(50000);
        FILE *f = fopen(path, "a");
        if (f) {
            fputs("two\n", f);
            fclose(f);
        }
    }
#pragma oss task infile(path)
    slurp(path, seen, sizeof seen);
#pragma oss taskwait infile(path)
    char now[64];
    slurp(path, now, sizeof now);
    printf("after taskwait infile: %s\n", now);
#pragma oss taskwait
    printf("the reader saw: %s\n", seen);
    return 0;
}
