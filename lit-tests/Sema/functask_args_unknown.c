// Every {name} in a binary task's argument template names one of its
// parameters: another name is an error at its '{', with a note listing the
// parameters.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
// CHECK: functask_args_unknown.c:[[@LINE+4]]:48: error: 'output' in the argument template is not a parameter of 'sort_file'
// CHECK-NEXT: {{^}}#pragma oss task binary("sort") args("-o {out} {output}") infile(in) outfile(out)
// CHECK-NEXT: {{^ {47}\^$}}
// CHECK-NEXT: functask_args_unknown.c:[[@LINE+1]]:48: note: parameters of 'sort_file': in, out{{$}}
#pragma oss task binary("sort") args("-o {out} {output}") infile(in) outfile(out)
void sort_file(const char *in, const char *out);
// CHECK: functask_args_unknown.c:[[@LINE+2]]:40: error: 'x' in the argument template is not a parameter of 'none'
// CHECK: functask_args_unknown.c:[[@LINE+1]]:40: note: 'none' has no named parameters
#pragma oss task binary("ls") args("-l {x}")
void none(void);
// A byte counts where it is in the literal: after escapes too.
// CHECK: functask_args_unknown.c:[[@LINE+1]]:43: error: 'y' in the argument template is not a parameter of 'esc'
#pragma oss task binary("echo") args("\"\t{y}")
void esc(const char *x);
// CHECK: 3 errors generated.
