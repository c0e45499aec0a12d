// A parameter that becomes a program argument is a string (char pointer),
// an integer, _Bool or a floating type: another type is an error at the
// parameter naming it and its type. Without args every parameter is an
// argument; with args only those the template names.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
struct point { int x, y; };
#pragma oss task binary("plot")
// CHECK: functask_binary_param_type.c:[[@LINE+2]]:43: error: parameter 'p' of binary task 'plot' has type 'struct point', which cannot be a program argument (a string, an integer or a floating type can)
// CHECK: functask_binary_param_type.c:[[@LINE+1]]:51: error: parameter 'v' of binary task 'plot' has type 'int *', which cannot be a program argument (a string, an integer or a floating type can)
void plot(const char *title, struct point p, int *v, long double w, _Bool b);
#pragma oss task binary("plot") args("{title} {v}") in(*data)
// CHECK: functask_binary_param_type.c:[[@LINE+1]]:44: error: parameter 'v' of binary task 'plot2' has type 'const short *', which cannot be a program argument (a string, an integer or a floating type can)
void plot2(const char *title, const short *v, double *data);
#pragma oss task binary("plot")
// CHECK: functask_binary_param_type.c:[[@LINE+1]]:40: error: parameter 2 of binary task 'plot3' has type '_Complex float', which cannot be a program argument (a string, an integer or a floating type can)
void plot3(const char *, float _Complex);
// CHECK: 4 errors generated.
