// A function task declared in a header (for Lower/functask_header.c).
#pragma oss task inout(*p)
void bump(int *p);
