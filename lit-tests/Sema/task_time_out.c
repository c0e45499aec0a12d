// A time-out goes into the task type: an arithmetic constant expression
// > 0 (seconds); anything else is an error at the expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_time_out.c:[[@LINE+1]]:27: error: 'time_out' needs a number of seconds, not 'char[4]'
#pragma oss task time_out("10s")
void a(int n);
// CHECK: task_time_out.c:[[@LINE+1]]:27: error: 'time_out' needs a constant: the time-out is part of the task type
#pragma oss task time_out(n * 2.0)
void b(int n);
// CHECK: task_time_out.c:[[@LINE+1]]:27: error: 'time_out' must be a positive number of seconds, not 0
#pragma oss task time_out(0)
void c(int n);
// CHECK: task_time_out.c:[[@LINE+1]]:27: error: 'time_out' must be a positive number of seconds, not -0.5
#pragma oss task time_out(-0.5)
void d(int n);
// CHECK-NOT: error
#pragma oss task time_out(60 * 2.5)
void e(int n);

void f(int *p, double limit)
{
// CHECK: task_time_out.c:[[@LINE+1]]:31: error: 'time_out' needs a constant: the time-out is part of the task type
#pragma oss taskloop time_out(limit)
    for (int i = 0; i < 4; i++)
        p[i]++;
}
// CHECK: 5 errors generated.
