// With -fompss, the preprocessor options reach the translator (after `--`,
// with clang's resource directory) and the compile command, the runtime's
// include directory is added to both, and the link adds libssrt. The
// translator here is a stand-in (Inputs/fake-translate.sh).
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: env SSC_TRANSLATE=%S/Inputs/fake-translate.sh %ssc -fompss -v -O1 \
// RUN:   -DVALUE=2 -UGONE -I%S/Inputs/include -std=gnu11 -isystem sys \
// RUN:   -iquote quote -include stdio.h -Wall %s -o prog -lm 2>&1 \
// RUN:   | FileCheck %s
// RUN: ./prog | FileCheck --check-prefix=OUT %s
//
// CHECK: fake-translate.sh {{.*}}ompss_forward.c -o {{.*}}ompss_forward.0.ss.c -- -resource-dir={{[^ ]*}}clang/14{{[^ ]*}} -DVALUE=2 -UGONE -I{{.*}}Inputs/include -std=gnu11 -isystem sys -iquote quote -include stdio.h -I{{.*}}runtime/include{{$}}
// CHECK: {{^[^ ]*}}cc -iquote {{.*}}Driver -v -O1 -DVALUE=2 -UGONE -I{{.*}}Inputs/include -std=gnu11 -isystem sys -iquote quote -include stdio.h -Wall -c -I{{.*}}runtime/include {{.*}}ompss_forward.0.ss.c -o {{.*}}ompss_forward.0.o{{$}}
// CHECK: {{^[^ ]*}}cc -v -O1 {{.*}} -Wall {{.*}}ompss_forward.0.o -o prog -lm -L{{.*}}runtime -lssrt -Wl,-rpath,{{.*}}runtime -pthread{{$}}
// OUT: value 42
#include "answer.h"

int main(void)
{
    printf("value %d\n", ANSWER_FROM_HEADER + VALUE);
    return 0;
}
