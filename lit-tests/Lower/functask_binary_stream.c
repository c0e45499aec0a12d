// A binary task without args: a parameter that is itself the stdin,
// stdout or stderr file or the working directory is not an argument (as
// COMPSs treats stream parameters); one that a clause only uses inside an
// expression still is.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static const char *const __ss_n[] = { "pattern", "tag" };
// CHECK-SAME: ss_abi_exec((const char *)("grep"), "{pattern} {tag}", 2, __ss_n, __ss_x, &__ss_o)
#pragma oss task binary("grep") stdin(in) stdout(out) workdir(dir) stderr(tag + 1)
void search(const char *pattern, const char *in, const char *out, const char *dir, const char *tag);

int main(void)
{
    search("x", "a.txt", "b.txt", ".", "-log");
    return 0;
}
