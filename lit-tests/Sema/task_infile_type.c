// Each expression of infile, outfile and inoutfile names a file: a char
// pointer or char array (signed, unsigned or plain char); anything else is an error at the expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_infile_type.c:[[@LINE+1]]:30: error: 'infile' needs a file name (a char pointer), not 'int'
#pragma oss task infile(src, n) outfile(dst)
void convert(const char *src, int n, char *dst);

void f(const char *name, double d, int *p)
{
    char local[16] = "out.txt";
// CHECK: task_infile_type.c:[[@LINE+1]]:39: error: 'outfile' needs a file name (a char pointer), not 'double'
#pragma oss task infile(name) outfile(d, local)
    (*p)++;
// CHECK: task_infile_type.c:[[@LINE+1]]:32: error: 'inoutfile' needs a file name (a char pointer), not 'int *'
#pragma oss taskwait inoutfile(p)
// CHECK: task_infile_type.c:[[@LINE+1]]:35: error: 'infile' needs a file name (a char pointer), not 'const short *'
#pragma oss taskloop infile(name, (const short *)name)
    for (int i = 0; i < 4; i++)
        p[i]++;
}
// CHECK: 4 errors generated.
