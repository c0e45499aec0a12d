// A[i;1][j;bs]: two dimensions, outermost first. For a parameter A[N][M] (a
// pointer to rows) the outer extent is 0 and the inner one the row length;
// for a local array both come from its type. Macros in clauses are expanded.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_INOUT, &((__ss_a->f_A))[0][0], sizeof ((__ss_a->f_A))[0][0], 2, (const size_t[]){(__builtin_types_compatible_p(__typeof__(((__ss_a->f_A))), __typeof__(&((__ss_a->f_A))[0])) ? 0 : {{[^;]*}}), (size_t)((__ss_a->f_i)), (size_t)(1), sizeof ((__ss_a->f_A))[0] / sizeof ((__ss_a->f_A))[0][0], (size_t)((__ss_a->f_j)), (size_t)((__ss_a->f_bs))});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_IN, &((*__ss_a->f_C))[0][0], sizeof ((*__ss_a->f_C))[0][0], 2, (const size_t[]){(__builtin_types_compatible_p({{[^;]*}}) ? 0 : sizeof ((*__ss_a->f_C)) / (sizeof ((*__ss_a->f_C))[0] + 0)), (size_t)((__ss_a->f_i)), (size_t)(((__ss_a->f_i)) - ((__ss_a->f_i)) + 1), sizeof ((*__ss_a->f_C))[0] / sizeof ((*__ss_a->f_C))[0][0], (size_t)((__ss_a->f_j) * 2), (size_t)(32 / 4)});
#define N 16
#define M 32
void f(double A[N][M], int i, int j, int bs)
{
    double C[N][M];
#pragma oss task inout(A[i;1][j;bs]) in(C[i:i][j * 2;M / 4])
    A[i][j] = C[i][j];
}
