// critical(name) locks a process-wide mutex of that name (a weak symbol, so
// every unit shares it); critical without a name has its own.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: #include <pthread.h>
// CHECK-DAG: __attribute__((weak)) pthread_mutex_t __ss_critical_ = PTHREAD_MUTEX_INITIALIZER;
// CHECK-DAG: __attribute__((weak)) pthread_mutex_t __ss_critical_lock = PTHREAD_MUTEX_INITIALIZER;
// CHECK-LABEL: void f(int *x)
// CHECK: { pthread_mutex_lock(&__ss_critical_lock);
// CHECK-NEXT: #line [[@LINE+10]]
// CHECK-NEXT: (*x)++;
// CHECK-NEXT: pthread_mutex_unlock(&__ss_critical_lock); }
// CHECK: { pthread_mutex_lock(&__ss_critical_);
// CHECK-NEXT: #line [[@LINE+8]]
// CHECK-NEXT: (*x)--;
// CHECK-NEXT: pthread_mutex_unlock(&__ss_critical_); }
void f(int *x)
{
#pragma oss critical(lock)
    (*x)++;
#pragma oss critical
    (*x)--;
}
