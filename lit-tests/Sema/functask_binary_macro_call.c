// A call of a function task written in a macro body cannot be rewritten:
// for a binary task, which has no C body to call instead, that is an error
// at the macro's use.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task binary("touch") outfile(path)
void touch(const char *path);
#define TOUCH_LOG() touch("log.txt")

void f(void)
{
// CHECK: functask_binary_macro_call.c:[[@LINE+1]]:5: error: call of function task 'touch' inside a macro body cannot spawn it, and a binary task has no C body
    TOUCH_LOG();
    touch("other.txt");
}
// CHECK: 1 error generated.
