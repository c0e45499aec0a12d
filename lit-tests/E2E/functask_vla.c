// A function task with a pointer-to-VLA parameter and a 2-D section: the rows
// of one block are ordered between the calls on them.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: m[0][0] 3 m[5][4] 23 total 390
#include <stdio.h>

#pragma oss task inout(m[r;2][0;n])
void bump_rows(int n, double (*m)[n], int r, double v)
{
    for (int i = r; i < r + 2; i++)
        for (int j = 0; j < n; j++)
            m[i][j] = m[i][j] * 2 + v;
}

int main(void)
{
    int n = 5;
    double m[6][n];
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < n; j++)
            m[i][j] = i;
    for (int r = 0; r < 6; r += 2) {
        bump_rows(n, m, r, 1);
        bump_rows(n, m, r, 1);
    }
#pragma oss taskwait
    double t = 0;
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < n; j++)
            t += m[i][j];
    printf("m[0][0] %g m[5][4] %g total %g\n", m[0][0], m[5][4], t);
    return 0;
}
