// Dependency files name the original source and its headers, not the
// translated file (-MD -MF, and -MD alone next to -o as gcc does).
// RUN: rm -rf %t && mkdir -p %t/obj && cd %t
// RUN: env SSC_TRANSLATE=%S/Inputs/fake-translate.sh %ssc -fompss \
// RUN:   -I%S/Inputs/include -MD -MF deps.d -c %s -o obj/x.o
// RUN: FileCheck --check-prefix=MF %s < deps.d
// MF: obj/x.o: {{.*}}Driver/depfile.c
// MF-NOT: .ss.c
// MF: Inputs/include/answer.h
// RUN: env SSC_TRANSLATE=%S/Inputs/fake-translate.sh %ssc -fompss \
// RUN:   -I%S/Inputs/include -MMD -MP -c %s -o obj/y.o
// RUN: FileCheck --check-prefix=MD %s < obj/y.d
// MD: obj/y.o: {{.*}}Driver/depfile.c
// MD-NOT: .ss.c
// MD: Inputs/include/answer.h
#include "answer.h"

int main(void) { return ANSWER_FROM_HEADER - 40; }
