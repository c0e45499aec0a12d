// atomic becomes a compare-and-swap loop on x computing the new value with the
// operands in the order written (e - x stays e - x). The forms: x op= e, x++,
// x = x op e and x = e op x, also when e's type differs from x's (the
// assignment then converts implicitly).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK-LABEL: void f(int *x, long e)
// CHECK: { __typeof__((*x)) *__ss_p = &(*x), __ss_o, __ss_n; __typeof__((e)) __ss_e = (e); __atomic_load(__ss_p, &__ss_o, __ATOMIC_RELAXED); do { __ss_n = __ss_o + __ss_e; } while (!__atomic_compare_exchange(__ss_p, &__ss_o, &__ss_n, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)); }
// CHECK: { __typeof__((y)) *__ss_p = &(y), __ss_o, __ss_n; __typeof__(1) __ss_e = 1; {{.*}} do { __ss_n = __ss_o - __ss_e; } while
// CHECK: { __typeof__((x[1])) *__ss_p = &(x[1]), __ss_o, __ss_n; __typeof__((e)) __ss_e = (e); {{.*}} do { __ss_n = __ss_o * __ss_e; } while
// CHECK: { __typeof__((y)) *__ss_p = &(y), __ss_o, __ss_n; __typeof__((e)) __ss_e = (e); {{.*}} do { __ss_n = __ss_e - __ss_o; } while
// CHECK: { __typeof__((y)) *__ss_p = &(y), __ss_o, __ss_n; __typeof__((3)) __ss_e = (3); {{.*}} do { __ss_n = __ss_o << __ss_e; } while
void f(int *x, long e)
{
    int y = 0;
#pragma oss atomic
    *x += e;
#pragma oss atomic
    y--;
#pragma oss atomic
    x[1] = x[1] * e;
#pragma oss atomic
    y = e - y;
#pragma oss atomic
    y = (y << 3);
}
