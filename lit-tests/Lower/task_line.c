// #line directives keep every line of the translated file pointing at the
// user's: the body of the outlined task starts with its own line (and the
// column kept with spaces), and the code after a task site goes back to the
// line where the site ended (spaces up to the column where it ended).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck --strict-whitespace %s
// CHECK: {{^}}#line 1 "{{.*}}task_line.c"{{$}}
// CHECK: static void __ss_run_{{[0-9]+}}(
// CHECK-NEXT: {{^}}#line 22 "{{.*}}task_line.c"{{$}}
// CHECK-NEXT: {{^    [{]$}}
// CHECK-NEXT: {{^        }}*p = 1; p[1] = 2; }{{$}}
// CHECK: {{^}}#line 19 "{{.*}}task_line.c"{{$}}
// CHECK-NEXT: {{^}}void f(int *p){{$}}
// CHECK-NEXT: {{^[{]$}}
// CHECK-NEXT: {{^}}{ struct __ss_args_{{.*}} }{{$}}
// CHECK-NEXT: {{^}}#line 23 "{{.*}}task_line.c"{{$}}
// CHECK-NEXT: {{^ {27}$}}
// CHECK-NEXT: {{^}}    p[2] = 3;{{$}}
// CHECK-NEXT: {{^}}}{{$}}
void f(int *p)
{
#pragma oss task out(p[0;2])
    {
        *p = 1; p[1] = 2; }
    p[2] = 3;
}
