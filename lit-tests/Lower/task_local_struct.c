// A captured variable of a struct or typedef declared inside the function: the
// declarations are copied to file scope, before the outlined code.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: #line [[@LINE+9]]
// CHECK-NEXT: {{^}}    struct pt { int x, y; };
// CHECK: #line [[@LINE+8]]
// CHECK-NEXT: {{^}}    typedef struct pt point;
// CHECK: struct __ss_args_{{[0-9]+}} { struct pt *f_p; point f_q; };
// CHECK: (*__ssp_p).x += q.y;
// CHECK: __ss_a->f_p = (void *)&(p); __builtin_memcpy(&__ss_a->f_q, &(q), sizeof __ss_a->f_q);
void f(void)
{
    struct pt { int x, y; };
    typedef struct pt point;
    struct pt p = {1, 2};
    point q = {3, 4};
#pragma oss task shared(p) firstprivate(q)
    p.x += q.y;
}
