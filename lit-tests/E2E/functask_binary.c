// A binary task runs printf with an argument template: a parameter with
// spaces, quotes, a '$(...)', a glob and a ';' arrives as one argument,
// untouched by any shell; {{ and }} are braces; stdout goes to a file named
// by a parameter, which the task writes (outfile) and main reads after a
// taskwait on it.
// RUN: %ssc -fompss -Wall -Wextra -Werror %s -o %t
// RUN: env SS_NUM_THREADS=2 %t %t.out | FileCheck %s
// CHECK: <it's a "quoted" arg; $(echo no) *>
// CHECK-NEXT: <n=-42>
// CHECK-NEXT: <{x=0.5}>
// CHECK-NEXT: end
#include <stdio.h>

#pragma oss task binary("printf") args("<%s>\\n {text} n={n} {{x={x}}}") stdout(out) outfile(out)
void show(const char *text, int n, double x, const char *out);

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    show("it's a \"quoted\" arg; $(echo no) *", -42, 0.5, argv[1]);
#pragma oss taskwait infile(argv[1])
    FILE *f = fopen(argv[1], "r");
    if (!f)
        return 1;
    int c;
    while ((c = getc(f)) != EOF)
        putchar(c);
    fclose(f);
    puts("end");
    return 0;
}
